"""The domain rules: officials, plants, investments, money, dates, numbers, regions,
organizations and page furniture, as plain functions over analysed text. Nothing here
loads models, starts processes, writes files or knows Dagster."""
