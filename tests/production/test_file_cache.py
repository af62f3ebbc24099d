"""`archive.cache.FileCache`: Django's file cache, cheaper to write; what it stores, reads and
culls is what Django's `FileBasedCache` does (each reads the other's entries)."""

from django.core.cache.backends.filebased import FileBasedCache

from archive.cache import FileCache


def caches(folder, entries=10):
    params = {"OPTIONS": {"MAX_ENTRIES": entries, "CULL_FREQUENCY": 2}}
    return FileCache(str(folder), params), FileBasedCache(str(folder), params)


def test_entries_read_back_by_either(tmp_path):
    ours, django = caches(tmp_path)
    page = (200, [("Content-Type", "text/html")], "<p>é</p>".encode() * 5000)
    ours.set("page", page)
    assert django.get("page") == page == ours.get("page")
    django.set("other", {"n": 1})
    assert ours.get("other") == {"n": 1}
    assert ours.get("missing", "default") == "default"


def test_culls_when_django_would(tmp_path):
    ours, django = caches(tmp_path, entries=6)
    (tmp_path / ".hidden.djcache").write_bytes(b"")  # not an entry for glob("*.djcache")
    (tmp_path / "note.txt").write_text("not an entry")
    for n in range(5):
        ours.set(f"k{n}", n)
    assert ours._entries() == len(django._list_cache_files()) == 5
    ours.set("k5", 5)  # 5 entries < 6: no cull yet
    assert ours._entries() == 6
    ours.set("k6", 6)  # 6 entries: half of them culled, then the new one stored
    assert ours._entries() == len(django._list_cache_files()) == 4
    assert ours.get("k6") == 6
    assert (tmp_path / ".hidden.djcache").exists() and (tmp_path / "note.txt").exists()
