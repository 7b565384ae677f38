/*
 * bench/empty: the floor for bench/startup, a C program that does
 * nothing, linked like any program on this system.
 */
int
main(void)
{
	return (0);
}
