"""The knowledge base of many regulations: importing texts with their metadata (``kb add DIR``),
what a regulation is to another (上位法, 同类立法, 本法规其他版本), the related provisions of each
article, the repetition of upper law, and actors across regulations.

Modules: corpus (what a corpus text says about itself), importer (``kb add DIR``), kinds (how two
regulations stand to each other), related (related provisions through rare shared bigrams and the
alignment scorer), repeat (the ``upper-repeat`` check), annotations (reading the hand annotations).
"""
