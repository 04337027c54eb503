"""OCR of scanned pages (:mod:`reader`): page images made readable (:mod:`image`) and numbering confusions
corrected where the sequence proves them (:mod:`fix`)."""
