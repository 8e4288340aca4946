using GtmBot.Engine;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Engine;

public sealed class ExpiringCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_entry_is_served_for_its_lifetime_and_not_after()
    {
        var cache = new ExpiringCache<string, int>(_clock, Lifetime, 100);
        cache.Set("a", 1);

        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(cache.TryGet("a", out var hit));
        Assert.Equal(1, hit);

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Keys_that_never_come_back_are_swept_out_instead_of_piling_up()
    {
        var cache = new ExpiringCache<string, int>(_clock, Lifetime, 1_000_000);
        for (var round = 0; round < 10; round++)
        {
            for (var i = 0; i < 1_000; i++)
            {
                cache.Set($"{round}-{i}", i);
            }

            _clock.Advance(Lifetime + TimeSpan.FromSeconds(1));
        }

        cache.Set("last", 0);

        // Without the sweep every one of the 10,000 one-off keys would still be held.
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void The_count_never_passes_the_bound()
    {
        var cache = new ExpiringCache<int, int>(_clock, Lifetime, 50);
        for (var i = 0; i < 1_000; i++)
        {
            cache.Set(i, i);
            Assert.InRange(cache.Count, 1, 50);
        }

        Assert.True(cache.TryGet(999, out _));
    }

    [Fact]
    public void A_shorter_lifetime_is_kept_and_a_longer_one_is_capped()
    {
        var cache = new ExpiringCache<string, string?>(_clock, Lifetime, 100);
        cache.Set("failure", null, TimeSpan.FromSeconds(5));
        cache.Set("long", "x", TimeSpan.FromHours(1));

        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.False(cache.TryGet("failure", out _));
        Assert.True(cache.TryGet("long", out _));

        _clock.Advance(Lifetime);
        Assert.False(cache.TryGet("long", out _));
    }

    [Fact]
    public void A_value_loaded_while_an_entry_was_removed_is_not_stored()
    {
        var cache = new ExpiringCache<string, int>(_clock, Lifetime, 100);
        var before = cache.Removals;
        cache.Remove("a"); // a change committed while the load ran
        cache.SetUnlessRemovedSince(before, "a", 1);
        Assert.False(cache.TryGet("a", out _));

        cache.SetUnlessRemovedSince(cache.Removals, "a", 2);
        Assert.True(cache.TryGet("a", out var hit));
        Assert.Equal(2, hit);
    }

    [Fact]
    public void A_removed_entry_is_read_again()
    {
        var cache = new ExpiringCache<string, int>(_clock, Lifetime, 100);
        cache.Set("a", 1);
        cache.Remove("a");
        Assert.False(cache.TryGet("a", out _));
    }
}
