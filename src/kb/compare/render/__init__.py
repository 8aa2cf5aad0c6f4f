"""Renderers of a :class:`kb.compare.diff.Comparison`: one module per output format.

Computing a comparison (``kb.compare.align`` → ``kb.compare.diff``) yields plain data; everything
here only presents it, so a format can change without touching what was found.  All formats
show the same 新旧对照表, built once in :mod:`~kb.compare.render.table`:

- :mod:`~kb.compare.render.terminal`: ``terminal`` (the redline ``kb diff`` prints)
- :mod:`~kb.compare.render.html`: ``html_table``, ``html_page``, ``comparison_html`` (the site's page body)
- :mod:`~kb.compare.render.markdown`: ``markdown``
- :mod:`~kb.compare.render.docx`: ``docx_bytes`` (a real Word table)
- :mod:`~kb.compare.render.summary`: ``summary_text``, ``renumbering_runs`` (the lines above every table)

Convention (as staff draw the table by hand): two columns, 修改前 / 修改后 (with the
versions' labels, status and date when known), one row per aligned article;
deleted text struck through in the left column, added text bold and underlined in
the right column; a whole new article shows 新增 on the empty left side, a deleted
one 删除 on the right; a legend line 注：…… under the table; optionally a third,
blank column 修改说明.
"""
