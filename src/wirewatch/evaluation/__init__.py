"""Quality measurement against gold data: extraction, event coding, geoparsing, clustering."""
