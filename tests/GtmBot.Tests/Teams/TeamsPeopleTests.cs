using GtmBot.Teams;
using GtmBot.Teams.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace GtmBot.Tests.Teams;

public sealed class TeamsPeopleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private static Activity From(string id, string name) => new() { Type = "message", From = new ChannelAccount { Id = id, Name = name } };

    [Fact]
    public void A_name_heard_is_known_until_it_has_not_been_heard_for_a_day()
    {
        var people = new TeamsPeople(_clock);
        people.Learn(From("29:ana", " Ana Lima "));
        Assert.Equal("Ana Lima", people.NameOf("29:ana"));

        _clock.Advance(TeamsPeople.Lifetime + TimeSpan.FromMinutes(1));
        Assert.Null(people.NameOf("29:ana"));
    }

    [Fact]
    public void An_id_or_a_name_longer_than_any_the_service_sends_is_not_kept()
    {
        var people = new TeamsPeople(_clock);
        var longId = "29:" + new string('x', TeamsPeople.MaxLength);
        people.Learn(From(longId, "Ana"));
        people.Learn(From("29:bo", new string('B', TeamsPeople.MaxLength + 1)));

        Assert.Null(people.NameOf(longId));
        Assert.Null(people.NameOf("29:bo"));
    }
}
