# The HTML renderer, text utilities, `gazette render` and `gazette show`.
gazette_SOURCES += src/cmd_render.c
