using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GtmBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Canvas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "canvases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_canvases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "canvas_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CanvasId = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkspaceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true),
                    OldMotive = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NewMotive = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_canvas_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_canvas_changes_canvases_CanvasId",
                        column: x => x.CanvasId,
                        principalTable: "canvases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "canvas_fields",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CanvasId = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkspaceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true),
                    Motive = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_canvas_fields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_canvas_fields_canvases_CanvasId",
                        column: x => x.CanvasId,
                        principalTable: "canvases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_canvas_changes_CanvasId",
                table: "canvas_changes",
                column: "CanvasId");

            migrationBuilder.CreateIndex(
                name: "IX_canvas_changes_WorkspaceKey_Channel_CanvasId_Id",
                table: "canvas_changes",
                columns: new[] { "WorkspaceKey", "Channel", "CanvasId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_canvas_fields_CanvasId",
                table: "canvas_fields",
                column: "CanvasId");

            migrationBuilder.CreateIndex(
                name: "IX_canvas_fields_WorkspaceKey_Channel_CanvasId_Field",
                table: "canvas_fields",
                columns: new[] { "WorkspaceKey", "Channel", "CanvasId", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_canvases_WorkspaceKey_Channel_Name",
                table: "canvases",
                columns: new[] { "WorkspaceKey", "Channel", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "canvas_changes");

            migrationBuilder.DropTable(
                name: "canvas_fields");

            migrationBuilder.DropTable(
                name: "canvases");
        }
    }
}
