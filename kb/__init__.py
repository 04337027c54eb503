"""The knowledge base of acts: for each act (jenis, nomor, tahun) its title, publication (LN/BN year and number,
TLN), what amends it and what repeals it, each fact with its sources and their agreement. Built by ``rancang kb
build`` from thousands of real texts read by rancang's own reader; shipped as data (``data/acts.jsonl.gz``).
"""
