"""Book club: a Django training project for the web security workshop."""
