"""
From 63 provinces to 34
=======================

On 2025-07-01 Vietnam's 63 provinces became 34 (Resolution 202/2025/QH15).
Readings keep the province as reported; :func:`de_an06.datasets.successor`
and :func:`de_an06.datasets.predecessors` map between the two lists. How many
former provinces does each new one bring together?
"""

import matplotlib.pyplot as plt

from de_an06 import datasets

after = datasets.provinces(as_of=datasets.REORGANISED)
merged = sorted(((province, datasets.predecessors(province.code)) for province in after),
                key=lambda item: (len(item[1]), item[0].name_vi))

fig, ax = plt.subplots(figsize=(9, 9), layout="constrained")
ax.barh([province.name_vi for province, _ in merged], [len(old) for _, old in merged],
        color="tab:blue")
for y, (_, old) in enumerate(merged):
    if len(old) > 1:
        ax.text(len(old) + 0.05, y, ", ".join(o.name_vi for o in old), va="center",
                fontsize="x-small")
ax.set_xlabel("former provinces")
ax.set_xlim(0, 6)
ax.set_xticks(range(5))
ax.set_title("The 34 provinces from 2025-07-01 and the provinces they replace")

print(f"{len(after)} provinces from {datasets.REORGANISED}; "
      f"{sum(len(old) == 1 for _, old in merged)} kept as they were")
