"""Cross-references inside a regulation: their grammar (:mod:`grammar`), those that belong to another act
(:mod:`acts`), their targets as addresses (:mod:`targets`), and their resolution to node ids (:mod:`resolve`)."""
