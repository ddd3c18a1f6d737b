"""Analysis: evaluation against gold sets now; dyads, corroboration and networks later."""
