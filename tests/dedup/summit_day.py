"""Regression cases of issue 15 (tuned on, like labelled.py): three Bernama stories of one ASEAN
ministers' day in English and Malay, a rewrite credited "— Bernama", and a Malay translation whose
background paragraph also fits another of the day's stories.
"""

from __future__ import annotations

from datetime import datetime

from .labelled import MYT, Labelled, _item

COC_EN = """KUALA LUMPUR, July 10 (Bernama) -- ASEAN and China have agreed to speed up negotiations on a Code of Conduct in the South China Sea, with the aim of concluding it by 2026, Foreign Minister Datuk Seri Mohamad Hasan said today.

Mohamad, who chaired the ASEAN-China Post Ministerial Conference with Chinese Foreign Minister Wang Yi, said both sides had completed the second reading of the single draft negotiating text and would begin the third reading in August.

"We owe it to our people to make the South China Sea a sea of peace, stability and prosperity. The third reading must be the last," he told a press conference at the Kuala Lumpur Convention Centre.

Wang said China was ready to work with ASEAN to conclude an effective and substantive code that is consistent with international law, including UNCLOS 1982.

-- BERNAMA"""

COC_MS = """KUALA LUMPUR, 10 Julai (Bernama) -- ASEAN dan China bersetuju mempercepat rundingan Kod Tatalaku di Laut China Selatan dengan sasaran memuktamadkannya menjelang 2026, kata Menteri Luar Datuk Seri Mohamad Hasan hari ini.

Mohamad, yang mempengerusikan Persidangan Pasca Menteri ASEAN-China bersama Menteri Luar China Wang Yi, berkata kedua-dua pihak telah melengkapkan bacaan kedua teks rundingan draf tunggal dan akan memulakan bacaan ketiga pada Ogos.

"Kita berhutang kepada rakyat untuk menjadikan Laut China Selatan lautan yang aman, stabil dan makmur. Bacaan ketiga mesti menjadi yang terakhir," katanya pada sidang media di Pusat Konvensyen Kuala Lumpur.

Wang berkata China bersedia bekerjasama dengan ASEAN bagi memuktamadkan kod yang berkesan dan selaras dengan undang-undang antarabangsa, termasuk UNCLOS 1982.

-- BERNAMA"""

RUBIO_EN = """KUALA LUMPUR, July 10 (Bernama) -- Prime Minister Datuk Seri Anwar Ibrahim today told United States Secretary of State Marco Rubio that the 25 per cent tariff on Malaysian goods announced by Washington would hurt American companies as much as Malaysian exporters.

Anwar, who received Rubio at Seri Perdana in Putrajaya on the sidelines of the 58th ASEAN Foreign Ministers' Meeting, said Malaysia would keep negotiating before the tariff takes effect on Aug 1.

"We are not asking for favours. We are asking for a relationship that is fair to both sides, and we will keep talking until Aug 1 and after," Anwar said in a statement on Facebook after the 45-minute meeting.

Rubio, on his first visit to Malaysia as Secretary of State, also met Foreign Minister Datuk Seri Mohamad Hasan and is due to attend the ASEAN-US Post Ministerial Conference tomorrow.

-- BERNAMA"""

RUBIO_MS = """KUALA LUMPUR, 10 Julai (Bernama) -- Perdana Menteri Datuk Seri Anwar Ibrahim hari ini memberitahu Setiausaha Negara Amerika Syarikat Marco Rubio bahawa tarif 25 peratus ke atas barangan Malaysia yang diumumkan Washington akan menjejaskan syarikat Amerika sama seperti pengeksport Malaysia.

Anwar, yang menerima kunjungan Rubio di Seri Perdana, Putrajaya di luar Mesyuarat Menteri-Menteri Luar ASEAN ke-58, berkata Malaysia akan terus berunding sebelum tarif itu berkuat kuasa pada 1 Ogos.

"Kita tidak meminta ihsan. Kita meminta hubungan yang adil kepada kedua-dua pihak," kata Anwar dalam kenyataan di Facebook selepas pertemuan 45 minit itu.

Rubio, dalam lawatan pertamanya ke Malaysia sebagai Setiausaha Negara, turut bertemu Menteri Luar Datuk Seri Mohamad Hasan.

-- BERNAMA"""

RUBIO_REWRITE = """Washington's 25 per cent tariff will cut both ways, Anwar Ibrahim warned Marco Rubio on Thursday (July 10), when the US Secretary of State called on him in Putrajaya.

The prime minister used the 45-minute talk at Seri Perdana to press Malaysia's case before the levy kicks in on Aug 1. "We are not asking for favours. We are asking for a relationship that is fair to both sides, and we will keep talking until Aug 1 and after," he said afterwards.

Rubio is in Malaysia for the first time in his current job, for the 58th ASEAN Foreign Ministers' Meeting. He also saw Mohamad Hasan, Malaysia's foreign minister.

— Bernama"""

BORDER_EN = """KUALA LUMPUR, July 10 (Bernama) -- ASEAN foreign ministers today urged Thailand and Cambodia to keep their border calm and to settle their dispute through the Joint Boundary Commission, Foreign Minister Datuk Seri Mohamad Hasan said.

Mohamad said the ministers, meeting at the 58th ASEAN Foreign Ministers' Meeting, welcomed the reopening of 2 border checkpoints and the return of 1,200 troops to their bases since the May 28 clash.

"Both are members of the ASEAN family. Malaysia as chair stands ready to help, but the solution must come from the two capitals," he said.

Thai Foreign Minister Maris Sangiampongsa and Cambodian Deputy Prime Minister Prak Sokhonn both attended the session, which lasted 3 hours.

-- BERNAMA"""

# The Malay report of the border story ends with a background paragraph on the US tariffs the two
# neighbours face: names and numbers of the Rubio story, which it does not translate.
BORDER_MS = """KUALA LUMPUR, 10 Julai (Bernama) -- Menteri-Menteri Luar ASEAN hari ini menggesa Thailand dan Kemboja mengekalkan keamanan di sempadan dan menyelesaikan pertikaian melalui Suruhanjaya Sempadan Bersama, kata Menteri Luar Datuk Seri Mohamad Hasan.

Mohamad berkata para menteri, yang bermesyuarat pada Mesyuarat Menteri-Menteri Luar ASEAN ke-58, mengalu-alukan pembukaan semula 2 pusat pemeriksaan sempadan dan pengunduran 1,200 anggota tentera ke pangkalan sejak pertempuran 28 Mei.

"Kedua-duanya anggota keluarga ASEAN. Malaysia selaku pengerusi bersedia membantu, tetapi penyelesaian mesti datang dari dua ibu negara," katanya.

Menteri Luar Thailand Maris Sangiampongsa dan Timbalan Perdana Menteri Kemboja Prak Sokhonn menghadiri sesi yang berlangsung 3 jam itu.

Kedua-dua negara, seperti Malaysia, berdepan tarif Amerika Syarikat yang berkuat kuasa 1 Ogos; Setiausaha Negara Marco Rubio berada di Putrajaya hari ini.

-- BERNAMA"""


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 7, 10, hour, minute, tzinfo=MYT)


def summit_day() -> list[Labelled]:
    def wire(story: str, language: str, number: int, title: str, body: str, when: datetime) -> Labelled:
        service = {"en": "en", "ms": "bm"}[language]
        return Labelled(
            _item(
                f"https://www.bernama.com/{service}/news.php?id={number}",
                "Bernama",
                title,
                body,
                when,
                language=language,
                source_id=f"bernama_{language}",
            ),
            f"{story}-{language}",
            story,
            f"wire {language}",
        )

    return [
        wire("coc", "en", 2442001, "ASEAN, China To Speed Up South China Sea COC Talks", COC_EN, _at(11, 20)),
        wire("coc", "ms", 2442002, "ASEAN, China Percepat Rundingan COC", COC_MS, _at(12, 5)),
        wire("rubio", "en", 2442003, "US Tariff Will Hurt Both Sides, Anwar Tells Rubio", RUBIO_EN, _at(13, 10)),
        wire("rubio", "ms", 2442004, "Tarif AS Jejaskan Kedua-dua Pihak - Anwar", RUBIO_MS, _at(13, 50)),
        wire("border", "en", 2442005, "ASEAN Urges Thailand, Cambodia To Keep Border Calm", BORDER_EN, _at(15, 0)),
        wire("border", "ms", 2442006, "ASEAN Gesa Thailand, Kemboja Kekal Tenang", BORDER_MS, _at(15, 40)),
        Labelled(
            _item(
                "https://www.freemalaysiatoday.com/category/nation/2025/07/10/tariff-cuts-both-ways",
                "Free Malaysia Today",
                "Tariff cuts both ways, Anwar tells Rubio",
                RUBIO_REWRITE,
                _at(15, 30),
            ),
            "rubio-en",
            "rubio",
            "rewrite credited — Bernama",
        ),
    ]
