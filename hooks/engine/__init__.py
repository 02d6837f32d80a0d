"""The guide engine: everything a guide site needs besides MkDocs itself.

Pure, typed functions (data in, text out) that import nothing from MkDocs
(tests/test_layout.py checks it). The adapters in hooks/*.py are how MkDocs
calls them; a move to another site generator rewrites those adapters only.

    site.py                 the site's languages, page file names, ids, lines
    labels.py, templates.py the words templates show; one escaping policy
    yaml_data.py, errors.py reading data files; failing with file, line, fix
    per_build.py            work shared within one build, never beyond it
    channels.py             phone lines and complaint channels (markers)
    faq_data.py             questions and answers: reading and checking
    faq_render.py           questions and answers on pages, JSON-LD data
    glossary_data.py        terms: reading, checking, sorting
    glossary_link.py        finding terms in a page's HTML
    glossary_render.py      linked terms, print list, glossary page
    tree_model.py           decision trees: reading a tree file
    tree_checks.py          decision trees: the graph and its references
    tree_pages.py           what a tree may link to (pages' titles, sections)
    tree_views.py           a tree's views, overview and printed flow
    trees.py                tree markers, loading and rendering
    print_pages.py          the whole guide on one page, for print
    html_tokens.py          cutting HTML into tags and text
    headings.py, toc.py     heading ids; shorter tables of contents
    search_index.py         one search index per language
    stylesheets.py, offline.py, page_review.py  small checks and notices
"""
