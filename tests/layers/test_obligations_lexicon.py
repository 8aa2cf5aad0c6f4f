"""kb.layers.obligations.lexicon: the extractor's word lists that were near-copies of each other, one place each."""
from __future__ import annotations

from kb.layers.actors import PERSON_SUFFIXES
from kb.layers.obligations import lexicon


def test_the_determiners_are_one_list_read_by_the_list_reader_the_chains_and_the_bare_name_check():
    # coordination (其他X / 有关X / 相关X named as the registry names them), governance (stripped off a chain's name) and
    # extractor.emit (a determiner alone names no one) read the same three words; the bare check adds spellings and compounds
    import kb.layers.obligations.coordination as coordination
    import kb.layers.obligations.extractor as extractor
    import kb.layers.obligations.governance as governance

    assert coordination.DETERMINERS is governance.DETERMINERS is lexicon.DETERMINERS == ("其他", "有关", "相关")
    assert extractor.BARE_DETERMINERS is lexicon.BARE_DETERMINERS
    assert set(lexicon.DETERMINERS) < lexicon.BARE_DETERMINERS == {"其他", "其它", "有关", "相关", "其余", "其他有关", "其他相关"}


def test_the_receivers_of_money_are_persons_or_their_kin_and_the_passive_clauses_open_alike():
    # every receiver ends in a person's head (PERSON_SUFFIXES: 军士 is one since the eighteenth session — code review 25
    # finding 8: the test's own exception for it could decide nothing) or is a person's kin; 者 and a bare 人 are not
    # receivers (受益人应当给予适当补偿 pays it)
    assert all(r.endswith(PERSON_SUFFIXES) or r in lexicon.KIN for r in lexicon.RECEIVERS)
    assert "者" not in lexicon.RECEIVERS and "人" not in lexicon.RECEIVERS and not "受益人".endswith(lexicon.RECEIVERS)
    for pattern, said in ((lexicon.RECEIVED, "受到社会的尊重"), (lexicon.GRANTED, "给予优待"), (lexicon.PAID, "给予误工补贴")):
        assert pattern.pattern.startswith(lexicon.BY_RULE)
        assert pattern.match(said) and pattern.match("按照有关规定" + said) and pattern.match("依法" + said)
