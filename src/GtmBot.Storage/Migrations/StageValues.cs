using Microsoft.EntityFrameworkCore.Migrations;

namespace GtmBot.Storage.Migrations;

/// <summary>
/// The data half of the <c>StagesAndObjectives</c> migration, the same SQL on both providers. Before it the stages were
/// Pilot, Launch, Scale, Iterate and Retire, and a new checklist started at Pilot without anyone choosing it; now a plan
/// starts at Definition (then Preparing launch, Pilot, …). A stage someone chose (a stage change in the checklist's history)
/// is kept; the untouched Pilot default becomes Definition; a value that is no stage at all becomes Definition too.
/// </summary>
internal static class StageValues
{
    private static readonly string[] OldStages = ["Pilot", "Launch", "Scale", "Iterate", "Retire"];

    private static readonly string[] Stages = ["Definition", "PreparingLaunch", .. OldStages];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var stage in OldStages)
        {
            migrationBuilder.Sql($"""UPDATE checklists SET "Stage" = '{stage}' WHERE lower("Stage") = '{stage.ToLowerInvariant()}' AND "Stage" <> '{stage}';""");
        }

        migrationBuilder.Sql("""
            UPDATE checklists SET "Stage" = 'Definition'
            WHERE "Stage" = 'Pilot'
              AND NOT EXISTS (SELECT 1 FROM checklist_changes c WHERE c."ChecklistId" = checklists."Id" AND c."Step" = 0 AND c."Property" = 'stage');
            """);
        migrationBuilder.Sql($"""UPDATE checklists SET "Stage" = 'Definition' WHERE "Stage" NOT IN ({string.Join(", ", Stages.Select(s => $"'{s}'"))});""");
    }

    /// <summary>Back to the five old stages: the two new ones fold into Pilot, where the old version started.</summary>
    public static void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""UPDATE checklists SET "Stage" = 'Pilot' WHERE "Stage" IN ('Definition', 'PreparingLaunch');""");
}
