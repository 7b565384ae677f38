# Podcasts: the download queue (e, podcast-auto-enqueue), gazette podboat
# and the player.
libgazette_a_SOURCES += src/podcast.h src/podcast_queue.c \
	src/podcast_name.c src/podcast_enqueue.c \
	src/podcast_dl.c src/podcast_dl.h
gazette_SOURCES += src/cmd_podboat.c
libgazette_a_SOURCES += src/ui_podcast.c src/ui_podboat.c

# Against tests/httpd.py: the queue (podcast.sh), the downloads
# (podboat.sh), the e key and the player (ui_podcast.sh).
TESTS += tests/podcast.sh tests/podboat.sh tests/ui_podcast.sh
EXTRA_DIST += tests/podcast.sh tests/podboat.sh tests/ui_podcast.sh
