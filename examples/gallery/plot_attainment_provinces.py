"""
Attainment across provinces
===========================

Every bundled figure that has a target of its own place, as a percent of that
target: bars coloured by whether the target is met, hedged figures ("nearly",
"more than") drawn open when their range straddles the target.
"""

import de_an06 as da
from de_an06 import datasets
from de_an06.plotting import plot_attainment

pairs = []
for target in datasets.targets():
    same = [r for r in datasets.readings(jurisdiction=target.jurisdiction,
                                         indicator=target.indicator)
            if r.jurisdiction == target.jurisdiction]
    if same:
        pairs.append((same[-1], target))

ax = plot_attainment(pairs, labels=[f"{r.jurisdiction.name_vi}: {r.indicator.name_vi}"
                                    for r, _ in pairs])
ax.figure.set_size_inches(9, 0.45 * len(pairs) + 1.5)

for reading, target in pairs:
    result = da.attainment(reading, target)
    print(f"{reading.jurisdiction.name}: {reading.indicator.code}: {result}")
