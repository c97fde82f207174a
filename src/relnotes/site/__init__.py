"""Site stage: pages rendered from the master and the catalogs, and the MkDocs glue that publishes them."""
