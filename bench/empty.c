/*
 * bench/empty: the floor for bench/startup, a C program that does
 * nothing, linked like any program on this system.  With an argument it
 * writes that and ends: the floor of a first screen.
 */
#include <string.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	if (argc > 1)
		(void)write(1, argv[1], strlen(argv[1]));
	return (0);
}
