"""Version comparison: which articles of two texts correspond, what changed, and the 对照表.

Computing a comparison and presenting it are kept apart: ``align`` → ``diff`` produce plain
data (a :class:`~kb.compare.diff.Comparison`), and the renderers in ``render/`` only read it.

Where the public names live (import them from these modules; this package re-exports nothing):

- ``kb.compare.diff``: ``compare``, ``Comparison``, ``Pair``, ``previous_numbers``,
  ``same_regulation``, ``doc_info``, ``version_label``, ``front_changes``
- ``kb.compare.ops``: ``EQ``, ``DEL``, ``INS``, ``char_ops``, ``raw_ops``, ``cleanup``, ``ratio``
- ``kb.compare.align``: ``align``, ``Alignment``, ``Link``
- ``kb.compare.similarity``: ``normalize``, ``article_text``, ``cosine``, ``containment``
- ``kb.compare.headings``: ``HeadingLink``
- ``kb.compare.references``: ``stale_references``, ``references_of``
- ``kb.compare.obligations``: ``obligation_diff``, ``MODALITY_ZH``, ``deadline_days``
- ``kb.compare.baselines``: ``align_numbers``, ``align_greedy`` (for scoring only)
- ``kb.compare.render.terminal``: ``terminal``; ``.html``: ``html_table``, ``html_page``,
  ``comparison_html``; ``.markdown``: ``markdown``; ``.docx``: ``docx_bytes``;
  ``.summary``: ``summary_text``, ``renumbering_runs``; ``.table``: ``rows``, ``Row``,
  ``group_parts``; ``.obligations``: ``obligations_text``, ``obligations_markdown``,
  ``obligations_html`` (``kb diff --obligations``)

Data flow::

    Document, Document
      → similarity (TF-IDF bigram vectors, candidates) → align (+ segments, headings) → Alignment
      → diff (+ ops, references) → Comparison ─┬→ render.{terminal,html,markdown,docx}
                                               └→ obligations (with kb.layers.obligations)
"""
