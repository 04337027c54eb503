"""The PDF reader (:mod:`reader`) and its stages: the stream guard (:mod:`guard`), word boxes (:mod:`words`),
pages as lines (:mod:`pages`), page furniture (:mod:`furniture`, patterns in ``rules.json``), repeated pages
(:mod:`repeats`) and line assembly (:mod:`lines`)."""
