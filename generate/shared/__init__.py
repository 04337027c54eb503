"""What the three products of ``generate`` (draft, check, naskah) share: the packaged data and templates
(:mod:`resources`), a region's profile (:mod:`profile`, :mod:`profile_data`) and acts cited from the knowledge base
(:mod:`kbcite`). Imports none of ``draft``, ``check`` or ``naskah``."""
