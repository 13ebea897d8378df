"""Preview: tokens that let editors see what is not published yet."""
