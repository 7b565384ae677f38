# The interface, the HTML renderer, `gazette render` and `show`.
gazette_SOURCES += src/cmd_ui.c src/cmd_render.c
