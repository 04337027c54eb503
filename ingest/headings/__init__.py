"""The headings of the batang tubuh (BAB, Bagian, Paragraf, Pasal): the shapes of their lines (:mod:`lines`),
headings run into the middle of a line (:mod:`run_in`), and where they are found by the numbering sequence
(:mod:`read`)."""
