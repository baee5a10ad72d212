"""The web shell around the Dash pages: sign-in, sessions and the server-side guard."""
