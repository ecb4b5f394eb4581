"""Held-out labelled set: one summit day, several stories of one event in English, Malay and Chinese.

Never tune on it (see README.md). Each item carries its cluster (one story in one language), its
story (across languages) and the case it exercises.
"""

from __future__ import annotations

from datetime import datetime

from ..labelled import MYT, Labelled, _item


def _at(hour: int, minute: int = 0, day: int = 26) -> datetime:
    return datetime(2025, 10, day, hour, minute, tzinfo=MYT)


def _join(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


TIMOR_EN = [
    "Timor-Leste was formally admitted as the 11th member of ASEAN today, ending a 14-year wait that began "
    "when Dili first applied to join the regional bloc in 2011.",
    "Prime Minister Datuk Seri Anwar Ibrahim, as ASEAN Chair, announced the admission at the opening of the "
    "47th ASEAN Summit at the Kuala Lumpur Convention Centre, as Timor-Leste Prime Minister Xanana Gusmao "
    "looked on and the flag of the new member was raised beside the other 10.",
    "\"Today the ASEAN family is complete. Timor-Leste's place among us is not a gift but a recognition of "
    'the reforms its people have carried out," Anwar said in his remarks.',
    'Gusmao, visibly moved, thanked member states for their patience. "We come as the youngest and the '
    'poorest of the family, but we come ready to carry our share of the work," he said.',
    "The admission follows the adoption of a roadmap for full membership in 2022, under which Timor-Leste "
    "must accede to more than 100 ASEAN agreements and instruments; officials said about 70 had been completed.",
    "Timor-Leste, with a population of about 1.4 million, has held observer status since 2022 and will take "
    "part in all ASEAN meetings from next year.",
]

TIMOR_UPDATE = [
    "ASEAN Secretary-General Dr Kao Kim Hourn said the Secretariat would open a liaison office in Dili by "
    "early 2026 to help the new member meet its remaining obligations.",
    "Leaders of the 10 older members, together with Xanana Gusmao, later signed the declaration on the "
    "admission, which takes effect immediately.",
]

TIMOR_REWRITE = """ASEAN grew to 11 members on Sunday (Oct 26) when Timor-Leste was welcomed into the bloc at the summit in Kuala Lumpur, 14 years after it first knocked on the door in 2011.

Announcing the decision as chair, Anwar Ibrahim said the occasion closed a long chapter: "Today the ASEAN family is complete. Timor-Leste's place among us is not a gift but a recognition of the reforms its people have carried out."

For Xanana Gusmao, the half-island nation's prime minister, the moment was an emotional one. "We come as the youngest and the poorest of the family, but we come ready to carry our share of the work," he told fellow leaders at the Kuala Lumpur Convention Centre.

The country of 1.4 million people has been an observer since 2022 and still has to accede to some of the more than 100 ASEAN agreements on its roadmap; about 70 are done, officials said.

— Bernama"""

TIMOR_MS = """KUALA LUMPUR, 26 Okt (Bernama) -- Timor-Leste hari ini diterima secara rasmi sebagai anggota ke-11 ASEAN, menamatkan penantian 14 tahun sejak Dili pertama kali memohon untuk menyertai blok serantau itu pada 2011.

Perdana Menteri Datuk Seri Anwar Ibrahim selaku Pengerusi ASEAN mengumumkan penerimaan itu pada pembukaan Sidang Kemuncak ASEAN ke-47 di Pusat Konvensyen Kuala Lumpur, disaksikan Perdana Menteri Timor-Leste Xanana Gusmao ketika bendera anggota baharu itu dinaikkan di sisi 10 bendera lain.

"Hari ini keluarga ASEAN lengkap. Tempat Timor-Leste bersama kita bukan hadiah tetapi pengiktirafan terhadap pembaharuan yang dilaksanakan rakyatnya," kata Anwar dalam ucapannya.

Gusmao berterima kasih kepada negara anggota atas kesabaran mereka dan berkata negaranya datang sebagai anggota paling muda dan paling miskin, tetapi bersedia memikul tanggungjawab.

Penerimaan itu menyusuli pelan hala tuju keanggotaan penuh pada 2022, yang mewajibkan Timor-Leste menyertai lebih 100 perjanjian dan instrumen ASEAN; kira-kira 70 telah dilengkapkan.

Timor-Leste, dengan penduduk kira-kira 1.4 juta orang, memegang status pemerhati sejak 2022.

-- BERNAMA"""

TIMOR_ZH = """（吉隆坡26日讯）东帝汶今日正式成为东盟第11个成员国，结束了自2011年申请加入以来长达14年的等待。

首相拿督斯里安华以东盟轮值主席身份，在吉隆坡会展中心举行的第47届东盟峰会开幕式上宣布这项决定，东帝汶总理夏纳纳古斯芒在场见证，新成员国的国旗与其他10国国旗一同升起。

安华在致词时说：“今天东盟大家庭终于完整。东帝汶的席位不是恩赐，而是对其人民所推动改革的肯定。”

根据2022年通过的正式成员路线图，东帝汶须加入100多项东盟协定与文件，官员说目前已完成约70项。

拥有约140万人口的东帝汶自2022年起具有观察员地位。（马新社）"""

PEACE_EN = [
    "Thailand and Cambodia today signed a joint declaration to end their border conflict, witnessed by "
    "United States President Donald Trump and Prime Minister Datuk Seri Anwar Ibrahim on the sidelines of "
    "the 47th ASEAN Summit.",
    "Thai Prime Minister Anutin Charnvirakul and Cambodian Prime Minister Hun Manet signed the Kuala Lumpur "
    "Peace Accord, which commits both sides to withdraw heavy weapons from the border and to release 18 "
    "Cambodian soldiers held since the July clashes.",
    '"This is a day when two neighbours chose the courage of peace over the logic of war," Anwar said at the '
    "signing ceremony, which was held at the Kuala Lumpur Convention Centre.",
    "Trump, who arrived in Kuala Lumpur this morning, said the agreement would be monitored by an ASEAN "
    'observer team led by Malaysia. "We got it done, and we got it done fast," he said.',
    "Fighting along the disputed border in July killed at least 43 people and displaced more than 300,000 "
    "on both sides before a ceasefire was brokered in Putrajaya on July 28.",
]

PEACE_MS = """KUALA LUMPUR, 26 Okt (Bernama) -- Thailand dan Kemboja hari ini menandatangani deklarasi bersama untuk menamatkan konflik sempadan mereka, disaksikan Presiden Amerika Syarikat Donald Trump dan Perdana Menteri Datuk Seri Anwar Ibrahim di luar Sidang Kemuncak ASEAN ke-47.

Perdana Menteri Thailand Anutin Charnvirakul dan Perdana Menteri Kemboja Hun Manet menandatangani Perjanjian Damai Kuala Lumpur, yang mengikat kedua-dua pihak untuk menarik balik senjata berat dari sempadan dan membebaskan 18 askar Kemboja yang ditahan sejak pertempuran Julai.

"Ini hari apabila dua jiran memilih keberanian untuk berdamai berbanding logik peperangan," kata Anwar pada majlis menandatangani di Pusat Konvensyen Kuala Lumpur.

Trump berkata perjanjian itu akan dipantau pasukan pemerhati ASEAN yang diketuai Malaysia.

Pertempuran di sepanjang sempadan pada Julai mengorbankan sekurang-kurangnya 43 orang dan menyebabkan lebih 300,000 orang kehilangan tempat tinggal sebelum gencatan senjata dicapai di Putrajaya pada 28 Julai.

-- BERNAMA"""

PEACE_ZH = """（吉隆坡26日讯）泰国与柬埔寨今日在第47届东盟峰会期间签署联合声明，结束两国边境冲突，美国总统特朗普与首相拿督斯里安华见证签署仪式。

泰国总理阿努廷与柬埔寨首相洪玛奈签署《吉隆坡和平协议》，双方承诺从边境撤出重型武器，并释放7月冲突以来被扣押的18名柬埔寨士兵。

安华在吉隆坡会展中心的签署仪式上说：“今天，两个邻国选择了和平的勇气，而不是战争的逻辑。”

7月边境冲突造成至少43人死亡、逾30万人流离失所，双方其后于7月28日在布城达成停火。（马新社）"""

PLENARY_EN = [
    "ASEAN must guard its centrality and resist being pulled apart by great-power rivalry, Prime Minister "
    "Datuk Seri Anwar Ibrahim said in his opening speech at the plenary session of the 47th ASEAN Summit today.",
    "Anwar, who chairs ASEAN this year under the theme Inclusivity and Sustainability, told leaders that "
    "tariffs and export controls were fragmenting supply chains on which the region's 680 million people depend.",
    '"We will trade with all and be captive to none. Our strength lies in our unity, not in choosing sides," he said.',
    "He urged members to conclude the upgrade of the ASEAN Trade in Goods Agreement and the Digital Economy "
    "Framework Agreement, which officials expect could double the region's digital economy to US$2 trillion "
    "by 2030.",
    "The plenary was attended by leaders of all member states except Myanmar, which was represented by a "
    "non-political official under an arrangement in place since 2021.",
]

PLENARY_MS = """KUALA LUMPUR, 26 Okt (Bernama) -- ASEAN mesti mempertahankan kepusatannya dan tidak berpecah akibat persaingan kuasa besar, kata Perdana Menteri Datuk Seri Anwar Ibrahim dalam ucapan pembukaan sesi pleno Sidang Kemuncak ASEAN ke-47 hari ini.

Anwar, yang mempengerusikan ASEAN tahun ini dengan tema Keterangkuman dan Kelestarian, memberitahu para pemimpin bahawa tarif dan kawalan eksport memecahbelahkan rantaian bekalan yang menjadi sandaran 680 juta penduduk rantau ini.

"Kita akan berdagang dengan semua dan tidak menjadi tawanan sesiapa. Kekuatan kita terletak pada perpaduan, bukan memilih pihak," katanya.

Beliau menggesa anggota memuktamadkan naik taraf Perjanjian Perdagangan Barangan ASEAN dan Perjanjian Rangka Kerja Ekonomi Digital, yang dijangka menggandakan ekonomi digital rantau ini kepada US$2 trilion menjelang 2030.

-- BERNAMA"""

LULA_EN = [
    "Prime Minister Datuk Seri Anwar Ibrahim today held a bilateral meeting with Brazilian President Luiz "
    "Inacio Lula da Silva on the sidelines of the 47th ASEAN Summit in Kuala Lumpur.",
    "Anwar said they discussed raising bilateral trade, which reached US$5.6 billion last year, and "
    "cooperation in semiconductors, halal products and renewable energy.",
    "Lula, who is on his first visit to Malaysia, said Brazil saw ASEAN as a partner for a fairer global "
    "trading system and invited Anwar to the COP30 climate conference in Belem next month.",
    "Malaysia is Brazil's second-largest trading partner in ASEAN. The two leaders also witnessed the "
    "exchange of 3 memoranda of understanding on agriculture, defence and higher education.",
]

LULA_MS = """KUALA LUMPUR, 26 Okt (Bernama) -- Perdana Menteri Datuk Seri Anwar Ibrahim hari ini mengadakan pertemuan dua hala dengan Presiden Brazil Luiz Inacio Lula da Silva di luar Sidang Kemuncak ASEAN ke-47 di Kuala Lumpur.

Anwar berkata mereka membincangkan peningkatan perdagangan dua hala, yang mencecah US$5.6 bilion tahun lepas, serta kerjasama dalam semikonduktor, produk halal dan tenaga boleh baharu.

Lula, yang dalam lawatan pertamanya ke Malaysia, menjemput Anwar ke persidangan iklim COP30 di Belem bulan depan.

Kedua-dua pemimpin turut menyaksikan pertukaran 3 memorandum persefahaman dalam bidang pertanian, pertahanan dan pendidikan tinggi.

-- BERNAMA"""

SUDAN_RELEASE_MS = """KENYATAAN MEDIA

SITUASI DI EL FASHER, SUDAN

Malaysia amat bimbang dengan laporan pembunuhan beramai-ramai orang awam di El Fasher, Darfur Utara, selepas bandar itu jatuh ke tangan Pasukan Sokongan Pantas (RSF) pada 26 Oktober 2025.

Malaysia mengutuk sekeras-kerasnya serangan terhadap orang awam, termasuk di Hospital Saudi, yang dilaporkan mengorbankan lebih 460 pesakit dan pengiring mereka.

Malaysia menggesa semua pihak di Sudan untuk segera menghentikan permusuhan, melindungi orang awam dan membenarkan akses kemanusiaan tanpa halangan kepada lebih 260,000 penduduk yang terperangkap di bandar itu.

Malaysia juga menyeru masyarakat antarabangsa, termasuk Majlis Keselamatan Pertubuhan Bangsa-Bangsa Bersatu, untuk mengambil tindakan segera bagi mencegah kekejaman selanjutnya.

KEMENTERIAN LUAR NEGERI
PUTRAJAYA
26 Oktober 2025"""

SUDAN_REPORT_EN = [
    "Malaysia has condemned the killing of civilians in El Fasher, North Darfur, after the Sudanese city fell "
    "to the Rapid Support Forces (RSF), Wisma Putra said today.",
    "In a statement, the Foreign Ministry said it was deeply concerned by reports of mass killings, including "
    "an attack on the Saudi Hospital that reportedly killed more than 460 patients and their companions.",
    "The ministry urged all parties in Sudan to cease hostilities immediately, protect civilians and allow "
    "unhindered humanitarian access to the more than 260,000 people trapped in the city.",
    "It also called on the international community, including the United Nations Security Council, to act "
    "urgently to prevent further atrocities.",
]

TRAFFIC_EN = [
    "Several roads around the Kuala Lumpur Convention Centre and Jalan Ampang will be closed from 6 am to "
    "midnight today as 47th ASEAN Summit leaders, including US President Donald Trump, move between venues, "
    "Kuala Lumpur police said.",
    "Kuala Lumpur police chief Datuk Fadil Marsus said more than 4,000 police personnel had been deployed "
    "and motorists were advised to use the LRT and MRT, which will run extra trains.",
    "Timor-Leste's delegation, attending its first summit as a full member, and the Thai and Cambodian "
    "leaders will use a dedicated lane on the Jalan Tun Razak stretch, Fadil said.",
    "Businesses in the Golden Triangle said footfall dropped by about half on Saturday as office workers stayed home.",
]

COLUMN_EN = """The flags at the convention centre now number 11, and the speeches have been suitably grand. But a bloc is measured by what it does on a Monday, not by what it says on a Sunday.

Our prime minister put it well in his opening speech. "We will trade with all and be captive to none. Our strength lies in our unity, not in choosing sides," he said.

Fine words. Yet members still negotiate tariff deals with Washington one by one, and the peace declaration signed the same afternoon will only be as good as the monitors who enforce it on a border few outsiders visit.

The admission of a small, poor new member is a test of the bloc's generosity as much as of its rules. If the richer members want ASEAN to matter, they will have to pay for it, in money, in patience and in political capital.

The writer is a former diplomat."""


def heldout_set() -> list[Labelled]:
    items: list[Labelled] = []

    def add(cluster: str, story: str, case: str, item) -> None:
        items.append(Labelled(item, cluster, story, case))

    wire_en = "KUALA LUMPUR, Oct 26 (Bernama) -- "

    # Timor-Leste's admission: the wire, its update, copies, a brief, a rewrite, translations.
    add(
        "timor-en",
        "timor",
        "wire original",
        _item(
            "https://www.bernama.com/en/news.php?id=2480101",
            "Bernama",
            "Timor-Leste Admitted As ASEAN's 11th Member",
            wire_en + _join(TIMOR_EN) + "\n\n-- BERNAMA",
            _at(10, 40),
            source_id="bernama_en",
        ),
    )
    add(
        "timor-en",
        "timor",
        "updated wire version, longer",
        _item(
            "https://www.bernama.com/en/news.php?id=2480177",
            "Bernama",
            "UPDATED: Timor-Leste Admitted As ASEAN's 11th Member",
            wire_en + _join(TIMOR_EN[:5] + TIMOR_UPDATE + TIMOR_EN[5:]) + "\n\n-- BERNAMA",
            _at(13, 15),
            source_id="bernama_en",
        ),
    )
    add(
        "timor-en",
        "timor",
        "copy: retitled, dateline rewritten",
        _item(
            "https://www.nst.com.my/news/nation/2025/10/1300101/timor-leste-joins-asean",
            "New Straits Times",
            "Timor-Leste finally joins Asean as 11th member",
            "KUALA LUMPUR: " + _join(TIMOR_EN).replace("ASEAN", "Asean") + "\n\n- BERNAMA",
            _at(11, 5),
        ),
    )
    add(
        "timor-en",
        "timor",
        "brief: first two paragraphs",
        _item(
            "https://www.thestar.com.my/news/nation/2025/10/26/timor-leste-in",
            "The Star",
            "Timor-Leste in",
            "KUALA LUMPUR: " + _join(TIMOR_EN[:2]),
            _at(11, 20),
        ),
    )
    add(
        "timor-en",
        "timor",
        "rewrite in own words, quotes kept, signed off — Bernama",
        _item(
            "https://www.freemalaysiatoday.com/category/nation/2025/10/26/asean-grows-to-11",
            "Free Malaysia Today",
            "Asean grows to 11 as Timor-Leste takes its seat",
            TIMOR_REWRITE,
            _at(12, 30),
        ),
    )
    add(
        "timor-ms",
        "timor",
        "translation: Bernama's Malay service",
        _item(
            "https://www.bernama.com/bm/news.php?id=2480120",
            "Bernama",
            "Timor-Leste Diterima Sebagai Anggota Ke-11 ASEAN",
            TIMOR_MS,
            _at(11, 10),
            language="ms",
            source_id="bernama_ms",
        ),
    )
    add(
        "timor-ms",
        "timor",
        "copy of the Malay translation",
        _item(
            "https://www.bharian.com.my/berita/nasional/2025/10/1400101/timor-leste-anggota-ke-11",
            "Berita Harian",
            "Timor-Leste sah anggota ke-11 ASEAN",
            TIMOR_MS.replace("KUALA LUMPUR, 26 Okt (Bernama) -- ", "KUALA LUMPUR: "),
            _at(11, 50),
            language="ms",
        ),
    )
    add(
        "timor-zh",
        "timor",
        "translation: a Chinese paper translating Bernama",
        _item(
            "https://www.sinchew.com.my/news/20251026/nation/7000101",
            "Sin Chew Daily",
            "东帝汶正式成为东盟第11个成员国",
            TIMOR_ZH,
            _at(12, 10),
            language="zh",
        ),
    )

    # The Thai-Cambodian peace declaration: same day, same venue, many of the same names.
    add(
        "peace-en",
        "peace",
        "wire original",
        _item(
            "https://www.bernama.com/en/news.php?id=2480140",
            "Bernama",
            "Thailand, Cambodia Sign KL Peace Accord, Witnessed By Trump And Anwar",
            wire_en + _join(PEACE_EN) + "\n\n-- BERNAMA",
            _at(12, 20),
            source_id="bernama_en",
        ),
    )
    add(
        "peace-en",
        "peace",
        "copy-edit",
        _item(
            "https://www.malaymail.com/news/malaysia/2025/10/26/thailand-cambodia-sign-peace-accord/190101",
            "Malay Mail",
            "Thailand and Cambodia sign peace accord in KL as Trump, Anwar look on",
            "KUALA LUMPUR, Oct 26 — "
            + _join([p.replace("ASEAN", "Asean").replace(" said ", " says ") for p in PEACE_EN[:4]]),
            _at(12, 55),
        ),
    )
    add(
        "peace-en",
        "peace",
        "brief: lead paragraph only",
        _item(
            "https://thesun.my/malaysia-news/kl-peace-accord-signed-XY101",
            "The Sun",
            "KL Peace Accord signed",
            PEACE_EN[0] + "\n\n" + PEACE_EN[1],
            _at(13, 30),
        ),
    )
    add(
        "peace-ms",
        "peace",
        "translation: Bernama's Malay service",
        _item(
            "https://www.bernama.com/bm/news.php?id=2480150",
            "Bernama",
            "Thailand, Kemboja Tandatangani Perjanjian Damai KL",
            PEACE_MS,
            _at(13, 0),
            language="ms",
            source_id="bernama_ms",
        ),
    )
    add(
        "peace-zh",
        "peace",
        "translation: Bernama's Chinese service",
        _item(
            "https://www.bernama.com/zh/news.php?id=2480155",
            "Bernama",
            "泰柬签署吉隆坡和平协议 特朗普安华见证",
            PEACE_ZH,
            _at(13, 40),
            language="zh",
            source_id="bernama_zh",
        ),
    )

    # The opening plenary speech.
    add(
        "plenary-en",
        "plenary",
        "wire original",
        _item(
            "https://www.bernama.com/en/news.php?id=2480110",
            "Bernama",
            "ASEAN Must Not Be Pulled Apart By Great-Power Rivalry - Anwar",
            wire_en + _join(PLENARY_EN) + "\n\n-- BERNAMA",
            _at(11, 30),
            source_id="bernama_en",
        ),
    )
    add(
        "plenary-en",
        "plenary",
        "copy: trimmed, credit dropped",
        _item(
            "https://www.nst.com.my/news/nation/2025/10/1300110/anwar-asean-captive-to-none",
            "New Straits Times",
            "Asean will trade with all, be captive to none: Anwar",
            "KUALA LUMPUR: " + _join(PLENARY_EN[:4]),
            _at(12, 0),
        ),
    )
    add(
        "plenary-ms",
        "plenary",
        "translation: Bernama's Malay service",
        _item(
            "https://www.bernama.com/bm/news.php?id=2480125",
            "Bernama",
            "ASEAN Tidak Boleh Berpecah Akibat Persaingan Kuasa Besar - Anwar",
            PLENARY_MS,
            _at(12, 15),
            language="ms",
            source_id="bernama_ms",
        ),
    )

    # A bilateral meeting on the sidelines: the same leaders' names, another story.
    add(
        "lula-en",
        "lula",
        "wire original, same event",
        _item(
            "https://www.bernama.com/en/news.php?id=2480190",
            "Bernama",
            "Anwar, Lula Discuss Trade, Semiconductors On Summit Sidelines",
            wire_en + _join(LULA_EN) + "\n\n-- BERNAMA",
            _at(16, 45),
            source_id="bernama_en",
        ),
    )
    add(
        "lula-ms",
        "lula",
        "translation: Bernama's Malay service",
        _item(
            "https://www.bernama.com/bm/news.php?id=2480195",
            "Bernama",
            "Anwar, Lula Bincang Perdagangan, Semikonduktor",
            LULA_MS,
            _at(17, 20),
            language="ms",
            source_id="bernama_ms",
        ),
    )

    # A ministry statement and the wire's report of it.
    add(
        "sudan-ms",
        "sudan",
        "ministry release in Malay, no wire credit, no time",
        _item(
            "https://www.kln.gov.my/web/guest/-/kenyataan-media-el-fasher",
            "Ministry of Foreign Affairs Malaysia",
            "KENYATAAN MEDIA: SITUASI DI EL FASHER, SUDAN",
            SUDAN_RELEASE_MS,
            None,
            language="ms",
            wire=None,
            source_id="kln",
        ),
    )
    add(
        "sudan-en",
        "sudan",
        "wire's report of the ministry statement",
        _item(
            "https://www.bernama.com/en/news.php?id=2480210",
            "Bernama",
            "Malaysia Condemns Killing Of Civilians In Sudan's El Fasher - Wisma Putra",
            "PUTRAJAYA, Oct 26 (Bernama) -- " + _join(SUDAN_REPORT_EN) + "\n\n-- BERNAMA",
            _at(19, 5),
            source_id="bernama_en",
        ),
    )

    # Look-alikes that stand alone.
    add(
        "traffic-en",
        "traffic",
        "outlet's own story of the day, same names and numbers",
        _item(
            "https://www.thestar.com.my/metro/2025/10/26/roads-closed-for-summit",
            "The Star",
            "Roads around KLCC closed as summit leaders move",
            "KUALA LUMPUR: " + _join(TRAFFIC_EN),
            _at(8, 30),
            wire=None,
        ),
    )
    add(
        "column-en",
        "column",
        "column quoting one paragraph of the plenary story",
        _item(
            "https://www.thestar.com.my/opinion/columnists/2025/10/27/words-on-sunday",
            "The Star",
            "Words on a Sunday, work on a Monday",
            COLUMN_EN,
            _at(7, 0, day=27),
            wire=None,
        ),
    )
    return items
