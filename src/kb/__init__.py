"""kb: a knowledge base of Chinese regulations.

The package is laid out by pipeline stage (see README, 架构): ``text`` (sources → parse → model),
``layers`` (links, laws, obligations, actors), ``catalog`` (search), ``compare`` (versions),
``outputs`` (JSON, Akoma Ntoso, matrices), ``site`` (the mkdocs plugin), ``cli`` (the ``kb``
command), ``project`` (the project on disk) and ``dev`` (benchmarks and scorers).
"""

#: what kb's modules and data files end in: what counts as kb's code where a change of it must invalidate what was
#: computed with it (kb.layers.cache.code_version, the site's build record).  The data files change output as the code
#: does: compare/data/clauses.tsv, the boilerplate table the bookkeeping recounts, decides what version comparisons and
#: the site's 对照表 call boilerplate — left out, a recounted table kept the layers and the site built with the old one
CODE_SUFFIXES = (".py", ".yml", ".yaml", ".json", ".tsv")
