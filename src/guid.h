/*
 * guid: a stable identifier for an item that has none of its own (RSS
 * without <guid>, JSON Feed without "id"; Atom requires an id but not
 * every feed has one).
 */
#ifndef GAZETTE_GUID_H
#define GAZETTE_GUID_H

/*
 * A hash of link and title; of the body when both are missing or empty.
 * NULL and "" are the same.  The result is 16 lower-case hex digits
 * (64-bit FNV-1a), identical on every platform and run.  Caller frees.
 */
char	*feed_guid_hash(const char *link, const char *title, const char *body);

#endif
