"""The French content of the curated demo archive, as plain data.

The history is modelled on a real pole of ESS actors in the Nantes area (thematic
poles, study days on its territories, a public forum, the university diploma); the
people, the study days, the papers and their DOIs / HAL ids are invented.
"""
