"""kb: a knowledge base of Chinese regulations.

The package is laid out by pipeline stage (see README, 架构): ``text`` (sources → parse → model),
``layers`` (links, laws, obligations, actors), ``catalog`` (search), ``compare`` (versions),
``outputs`` (JSON, Akoma Ntoso, matrices), ``site`` (the mkdocs plugin), ``cli`` (the ``kb``
command), ``project`` (the project on disk) and ``dev`` (benchmarks and scorers).
"""
