using System.Text;
using System.Text.RegularExpressions;

namespace GtmBot.Engine.Summaries;

/// <summary>
/// A pasted CSV (or tab-, semicolon- or pipe-separated) export: a header row naming a customer, company or account column, and
/// rows whose feedback sits in the comment column (or the longest cell).
/// </summary>
internal sealed partial class CsvLayout
{
    private readonly char delimiter;
    private readonly int customerColumn;
    private readonly int cityColumn;
    private readonly int textColumn;
    private readonly int columns;

    private CsvLayout(char delimiter, int customerColumn, int cityColumn, int textColumn, int columns)
    {
        this.cityColumn = cityColumn;
        this.delimiter = delimiter;
        this.customerColumn = customerColumn;
        this.textColumn = textColumn;
        this.columns = columns;
    }

    /// <summary>Longest header cell: a survey export's column may be the whole question ("Q4 What should we fix or add? (open text)").</summary>
    private const int MaxHeaderCell = 60;

    /// <summary>True when <paramref name="line"/> is a header row with a customer column.</summary>
    public static bool TryHeader(string line, out CsvLayout? layout)
    {
        layout = null;
        foreach (var delimiter in (char[])[',', '\t', ';', '|'])
        {
            var cells = Split(line, delimiter);
            if (cells.Count < 2 || cells.Any(c => c.Length > MaxHeaderCell))
            {
                continue;
            }

            var customer = cells.FindIndex(c => CustomerHeader().IsMatch(c));
            if (customer < 0)
            {
                // "Clinic / Company", "Your company": a header that names the company among other words.
                customer = cells.Any(c => c.Contains(':', StringComparison.Ordinal) || c.Contains('：', StringComparison.Ordinal)) ? -1
                    : cells.FindIndex(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 && CustomerWord().IsMatch(c) && !TextHeader().IsMatch(c) && !RequesterHeader().IsMatch(c));
            }

            var person = false;
            if (customer < 0)
            {
                // A ticket export names the person who asked: with a city column, "Name (City)" is the customer.
                customer = cells.FindIndex(c => RequesterHeader().IsMatch(c));
                person = true;
            }

            if (customer < 0)
            {
                continue;
            }

            var text = cells.FindIndex(c => TextHeader().IsMatch(c));
            layout = new CsvLayout(delimiter, customer, person ? cells.FindIndex(c => CityHeader().IsMatch(c)) : -1, text, cells.Count);
            return true;
        }

        return false;
    }

    /// <summary>Reads a data row: its feedback text, customer (null when the cell names nobody) and the account cell as written.</summary>
    public bool TryRow(string line, out string body, out string? customer, out string account)
    {
        body = string.Empty;
        customer = null;
        account = string.Empty;
        var cells = Split(line, delimiter);
        if (cells.Count > columns && textColumn == columns - 1)
        {
            // An unquoted comment with commas in it: the extra cells are the rest of the comment.
            cells = [.. cells.Take(columns - 1), string.Join(delimiter + " ", cells.Skip(columns - 1))];
        }

        if (cells.Count != columns)
        {
            return false;
        }

        var text = textColumn >= 0 && textColumn < cells.Count && cells[textColumn].Length > 0
            ? textColumn
            : cells.Select((c, i) => (c, i)).Where(x => x.i != customerColumn).MaxBy(x => x.c.Length).i;
        body = cells[text];
        account = customerColumn < cells.Count ? cells[customerColumn] : string.Empty;
        customer = account.Length > 0 && !FeedbackDocument.IsNoAccount(account) ? account : null;
        if (customer is not null && cityColumn >= 0 && cityColumn < cells.Count && cells[cityColumn].Length > 0 && !FeedbackDocument.IsNoAccount(cells[cityColumn]))
        {
            customer = $"{customer} ({cells[cityColumn]})";
        }
        return true;
    }

    /// <summary>Splits one CSV line, honouring double-quoted cells with doubled quotes inside.</summary>
    internal static List<string> Split(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }

    [GeneratedRegex(@"^(?i:customer|customer name|company|company name|account|account name|organi[sz]ation|org|client|tenant|school|store|客户|客户名称|公司|公司名称|账户|单位|机构|门店|学校|客戶|客戶名稱|公司名稱|帳戶|單位|機構|門店|學校)$")]
    private static partial Regex CustomerHeader();

    // "Clinic / Company", "Q2 Organisation", "Your company", "Company name": a header cell built around the word.
    [GeneratedRegex(@"^(?i:(?:q\d+[.:)]?\s+|your\s+|[a-z ]{1,20}/\s*)?(?:company|customer|account|organi[sz]ation|client|business|practice)(?:\s*(?:/\s*[a-z ]{1,20}|name))?)$|^(?:客户|客戶|公司|单位|單位)")]
    private static partial Regex CustomerWord();

    [GeneratedRegex(@"^(?i:requester|requester name|reporter|submitter|submitted by|raised by|user|user name|name|contact|caller|caller name|customer name|policyholder|patient|member|guest|visitor|respondent|姓名|提交人|申请人|报告人|联系人)$")]
    private static partial Regex RequesterHeader();

    [GeneratedRegex(@"^(?i:city|location|town|site|城市|地区|所在地)$")]
    private static partial Regex CityHeader();

    [GeneratedRegex(@"^(?i:feedback|comments?|text|answer|response|verbatim|notes?|description|what (?:could|would|should) .*|review|message|body|反馈|意见|内容|评论|描述|备注|回答|留言|建议)$")]
    private static partial Regex TextHeader();

}
