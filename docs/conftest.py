"""pytest collects the pages' examples here; the build's generated copies are not pages."""

# sphinx-gallery writes the gallery pages and scripts into gallery/, and the
# site's copy of the example notebook goes into examples/ (both ignored by git).
collect_ignore_glob = ["gallery/*", "examples/*", "_generated/*"]
