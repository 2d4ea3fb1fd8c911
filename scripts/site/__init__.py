"""Building the site from the core's model: the MkDocs hook (thin, one function per event), quiz
rendering, page finishing, assets, the offline copy and service worker, and the search index."""
