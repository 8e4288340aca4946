using System.Collections.Concurrent;

namespace GtmBot.Engine;

/// <summary>
/// A look-up cache for the hot path: each entry lives a fixed time, expired entries are swept out once per lifetime, and the
/// count is bounded (the cache starts over when full). Keys that come from requests (workspace, channel and user ids) are
/// therefore held at most one lifetime, however many different ones arrive.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Expires)> _entries;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;
    private readonly int _maxEntries;
    private long _nextSweep;
    private long _removals;

    public ExpiringCache(TimeProvider clock, TimeSpan lifetime, int maxEntries, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        _entries = new ConcurrentDictionary<TKey, (TValue, DateTimeOffset)>(comparer);
        _clock = clock;
        _lifetime = lifetime;
        _maxEntries = maxEntries;
        _nextSweep = clock.GetUtcNow().Add(lifetime).UtcTicks;
    }

    /// <summary>Entries held, expired ones not yet swept included.</summary>
    public int Count => _entries.Count;

    /// <summary>How many times an entry was removed: read before loading a value, then passed to <see cref="SetUnlessRemovedSince"/>.</summary>
    public long Removals => Interlocked.Read(ref _removals);

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > _clock.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Stores the value for the cache's lifetime, or for <paramref name="lifetime"/> when given (never longer).</summary>
    public void Set(TKey key, TValue value, TimeSpan? lifetime = null)
    {
        var now = _clock.GetUtcNow();
        SweepIfDue(now);
        if (_entries.Count >= _maxEntries && !_entries.ContainsKey(key))
        {
            _entries.Clear();
        }

        _entries[key] = (value, now + (lifetime is { } l && l < _lifetime ? l : _lifetime));
    }

    /// <summary>
    /// Stores a value loaded after <paramref name="removals"/> was read, unless an entry was removed since: a change committed
    /// while the load ran must not be hidden behind the older value it read.
    /// </summary>
    public void SetUnlessRemovedSince(long removals, TKey key, TValue value)
    {
        if (removals == Removals)
        {
            Set(key, value);
        }
    }

    /// <summary>Drops the entry (after a change to what it caches) and counts the removal.</summary>
    public void Remove(TKey key)
    {
        Interlocked.Increment(ref _removals);
        _entries.TryRemove(key, out _);
    }

    /// <summary>At most once per lifetime, on a write: drops every expired entry.</summary>
    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, now.Add(_lifetime).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var entry in _entries)
        {
            if (entry.Value.Expires <= now)
            {
                _entries.TryRemove(entry);
            }
        }
    }
}
