"""Word lists of the obligation extractor that more than one of its modules read, or that were written twice as near-copies
of each other: one place for each, so a word added for one reading reaches the others.

- ``DETERMINERS``: the words that narrow a party to the ones the provision means (其他部门, 有关单位, 相关机构); the list reader
  (coordination) names 其他X / 有关X / 相关X as the registry does, the responsibility chains (governance) strip them off a
  name, and ``BARE_DETERMINERS`` — those words and their spellings and compounds — name no one when they stand alone.
- The passive clauses (extractor._passive): what a party receives after its modal word (``RECEIVED``, ``GRANTED``,
  ``PAID``), said ``BY_RULE`` or not, and the persons money is paid to (``RECEIVERS``), beside a person's heads
  (kb.layers.actors.PERSON_SUFFIXES), of which they are a few, with the kin of one.
"""
from __future__ import annotations

import re

#: the determiners of a party (其他部门, 有关单位, 相关机构): a list's member after one is named as the registry names it
DETERMINERS = ("其他", "有关", "相关")
#: a party's name that is only a determiner: what it determined was cut off (其他|在船人员), it names no one
BARE_DETERMINERS = frozenset(DETERMINERS + ("其它", "其余", "其他有关", "其他相关"))

#: how a passive clause may open: by law, by the rules (依法受到, 按照有关规定给予)
BY_RULE = r"(?:依法|按照有关规定|依照有关规定)?"
#: what a party receives, said after its modal word (义务兵及其家属应当受到社会的尊重; 义务兵……应当予以优待, ……应当按照有关规定给予
#: 补偿安置): a passive clause, no duty of the party named before it (code review 22 item 6). 受到 is passive after any
#: name; 予以 / 给予 a benefit only after a person's (a body's 应当予以支持 / 给予补助 is its own act, and so is a person's
#: 给予患者必要的帮助, 予以配合); a bare 保留 after a person's name is what is kept for the person (义务兵和军士入伍前依法取得的
#: 农村土地承包经营权，服现役期间应当保留: 兵役法 (2021) 50 p3, code review 23 finding 4), and so is 安排 + what the person is sent
#: to (预备役兵……有下列情形之一的，应当安排退出预备役: 预备役人员法 (2022) 53, finding 5; a body's 应当安排工作 is its own act, and
#: so is anyone's 安排工作人员……: code review 24 finding 2). A person is one the registry calls an individual or one of
#: RECEIVERS, not any name with a head of PERSON_SUFFIXES: those serve the name scanner and hold 主体 and 用户 too
#: (市场主体应当给予奖励 is the enterprise's own act)
#: (得到 + what is given — 尊重, 保障, 保护, 照顾, 优待 — is passive too: 献血者的个人意愿应当得到尊重 (北京市献血条例 7), 老年人依法享有
#: 的养老金……应当得到保障 (老年人权益保障法 34); 得到 / 获得 alone is mostly what the party must obtain — 获得相应的资质, 得到……书面
#: 同意: 16 of the corpus' 18 obligations opening with them)
RECEIVED = re.compile(BY_RULE + r"(?:受到|得到(?:尊重|保障|保护|照顾|优待))")
GRANTED = re.compile(BY_RULE + r"(?:(?:予以|给予)(?:优待|保留|照顾|补偿安置|安置|抚恤|优抚|奖励|表彰)|保留$|"
                     r"安排(?:退出|就业|工作(?!人员)|转业|复员|退休|离休|入学))")
#: money paid to a person (其他预备役军官参加军事训练……期间，应当给予误工补贴: 预备役军官法 (2010) 53 p2, code review 23 finding 8):
#: passive only after those who receive it — a soldier, an officer, a retiree's kin, a student —, not after any 者 or 人:
#: 旅游资源开发经营者……应当依法给予补偿 (彭水苗族土家族自治县旅游条例 16), 受益人应当给予适当补偿, 另一方应当给予补偿 pay it
PAID = re.compile(BY_RULE + r"(?:予以|给予)(?:适当的?|相应的?|一定的?|一次性|误工|生活|经济)?(?:补贴|补助|津贴|待遇|报酬|补偿)")
#: the kin of a person (家属, 军属, 遗属): no person's head (PERSON_SUFFIXES), a receiver all the same
KIN = ("家属", "军属", "遗属")
#: the heads of those money is paid to (PAID): five of a person's heads (兵, 官, 人员, 学生, and 对象 — 优抚对象, 救助对象, 安置对象,
#: which guess_kind reads as no individual: code review 25 finding 5), three persons whose head is 人 (军人, 老年人, 残疾人)
#: — not every 人: 受益人 pays — and a rank (军士, a person's head since the eighteenth session), and the kin
RECEIVERS = ("兵", "官", "人员", "学生", "军人", "军士", "老年人", "残疾人", "对象") + KIN
