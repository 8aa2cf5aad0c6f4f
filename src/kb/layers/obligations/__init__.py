"""Obligation statements and governance relations (a layer keyed by eid).

Follows ``../shared/spec/obligations.md`` (record schema 2, ``SCHEMA_VERSION``): one record per
duty — (article, paragraph, item, actor, modality, clause) with its own action and time limit; a
list's lead-in carries its items; modalities obligation | prohibition | permission |
encouragement | sanction (the body that acts on a violation, 追责) | liability (the party held
liable, 责任).  Modal statements that name no actor are kept apart (``without_actor``): they are
no one's duty.
The parse tree is not changed; offsets are into the node's ``text``.

How a statement is found (rule-based, no model):
* a modal word (应当, 不得, 可以 …) and its subject: the nearest actor group that opens a clause
  of the same sentence before the modal word, else the subject carried over from an earlier
  clause or sentence of the same paragraph;
* a duty assigned without a modal word: ``X负责/承担/履行/做好/协助/给予……``, ``由X + verb``,
  ``成立X，负责……``, ``X的任务：``;
* 鼓励/支持/倡导/引导 followed by an actor (the encouraged party);
* in liability clauses ``由X予以/责令/处……`` (the sanctioning body) and the violator (liability);
* a duty on the object: ``督促/责令 Y ……`` gives Y an obligation (explicit = false).
Coordinated actors are split (市、县（市、区）人民政府 → 2; 财政、……等部门 → one per department);
a department keeps its level prefix as ``levels``.

The modules follow the reading of a text, bottom up:

records       Statement, Relation, Mention, Group; MODALITIES, MODALITY_NAMES, RELATIONS
sentences     sentences and clauses of a node, and the sentence being read (Sentence)
modals        modal words (应当, 不得, 可以 …) and the modality each states
abbreviations the actors a text names by its own abbreviation (（以下简称乡联社、村合作社）)
names         one actor name: the lexicon, level prefixes, department stems, discovery
mentions      one actor element (县级以上人民政府, 市人民政府民政部门 …)
coordination  actor groups: coordinated lists, the agent after 由 (Scanner)
subjects      the subject of each clause, and the subject carried to the next sentence
events        what a sentence says, in order (由-agents, modal words, governance verbs …)
modality      statements of a modal word and of a 由-agent; liability clauses (sanctions)
governance    relations (指导, 监督 …), and the encouraged or urged party
duties        duties without a modal word (X负责……, 成立X，负责……, competence clauses)
limits        time limits and quantities
clauses       where each duty of a sentence ends, and the time limit that governs it
lists         a lead-in (……做好下列事项：) and the items it carries
liability     the party held liable by a 法律责任 clause, beside the body that acts
extractor     the pipeline over one document (_Extractor)
layer         the cached layer of a Document: extract, without_actor, modal_fates (what became of
              each modal word), relations, unknown_actors, export_layer; kept (is it on disk already);
              actors_by_article (each article's actors, not kept with the Document)
"""
from kb.layers.obligations.layer import (_extract_all, _registry_for, actors_by_article, export_layer, extract, kept,
                                         modal_fates, relations, unknown_actors, without_actor)
from kb.layers.obligations.records import (MODALITIES, MODALITY_NAMES, NO_ACTOR, RELATIONS, SCHEMA_VERSION, Relation,
                                           Statement)

__all__ = ["MODALITIES", "MODALITY_NAMES", "NO_ACTOR", "RELATIONS", "Relation", "SCHEMA_VERSION", "Statement",
           "actors_by_article", "export_layer", "extract", "kept", "modal_fates", "relations", "unknown_actors", "without_actor",
           "_extract_all", "_registry_for"]     # the cached extraction and its registry (outputs.matrix, cli)
