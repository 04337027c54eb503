"""The DOCX reader (:mod:`reader`) and its parts: the OPC package (:mod:`package`), the body as Word shows it
(:mod:`body`), list numbering (:mod:`numbering`), run styles (:mod:`styles`), tables (:mod:`tables`), SmartArt
(:mod:`diagram`), imported chunks (:mod:`chunks`); Symbol-font characters in ``symbol.json``."""
