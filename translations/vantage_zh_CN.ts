<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>vantage::app::AppController</name>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
    <message>
        <source>The database was updated to the current version; the previous file is kept as %1.</source>
        <translation>数据库已升级到当前版本，原文件已保留为 %1。</translation>
    </message>
    <message>
        <source>Building the demo database…</source>
        <translation>正在生成演示数据库…</translation>
    </message>
    <message>
        <source>The build was cancelled.</source>
        <translation>生成操作已取消。</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>Vantage</source>
        <translation>Vantage</translation>
    </message>
    <message>
        <source>Build a new demo database</source>
        <translation>生成新的演示数据库</translation>
    </message>
    <message>
        <source>Open the demo database</source>
        <translation>打开演示数据库</translation>
    </message>
    <message>
        <source>Rebuild demo database</source>
        <translation>重建演示数据库</translation>
    </message>
    <message>
        <source>Build the demo database again from the bundled data? Changes you made to demo data are replaced; the current file is kept as a backup copy.</source>
        <translation>要使用内置数据重新生成演示数据库吗？您对演示数据所做的更改将被覆盖，当前文件将保留为备份。</translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The demo database was not built.</source>
        <translation>演示数据库未能生成。</translation>
    </message>
    <message>
        <source>To try again, choose File, then Rebuild demo database.</source>
        <translation>如需重试，请选择“文件”菜单中的“重建演示数据库”。</translation>
    </message>
    <message>
        <source>Continue without a database</source>
        <translation>不打开数据库，继续</translation>
    </message>
    <message>
        <source>The demo database is being built already.</source>
        <translation>演示数据库正在生成中。</translation>
    </message>
    <message>
        <source>No database connection is available to this job.</source>
        <translation>此任务没有可用的数据库连接。</translation>
    </message>
    <message>
        <source>The language could not be saved in your settings file; it applies until you quit Vantage.</source>
        <translation>无法将语言保存到设置文件中；该语言在您退出 Vantage 之前有效。</translation>
    </message>
    <message>
        <source>Your IT department has chosen the data source; it cannot be changed here.</source>
        <translation>数据来源由贵公司 IT 部门设定，无法在此更改。</translation>
    </message>
    <message>
        <source>The data source could not be saved in your settings file; nothing was changed.</source>
        <translation>无法将数据来源保存到设置文件中，未作任何更改。</translation>
    </message>
</context>
<context>
    <name>vantage::app::CommandLine</name>
    <message>
        <source>Vantage: offline-first sales management for regional sales managers.</source>
        <translation>Vantage：面向区域销售经理、离线优先的销售管理软件。</translation>
    </message>
    <message>
        <source>Open this database file instead of the one in Settings.</source>
        <translation>打开此数据库文件，而不是“设置”中指定的文件。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Language for this run: en, zh_CN or system.</source>
        <translation>本次运行使用的语言：en、zh_CN 或 system。</translation>
    </message>
    <message>
        <source>LANGUAGE</source>
        <translation>LANGUAGE</translation>
    </message>
    <message>
        <source>When the demo database is built, shift its dates to end the day before this date.</source>
        <translation>生成演示数据库时平移其日期，使数据截止到该日期的前一天。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Save a screenshot of every page and dialog into DIR, then quit (documentation).</source>
        <translation>将每个页面和对话框的截图保存到 DIR，然后退出（用于编写文档）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>After start-up, refresh the dashboard and lists, print timings, then quit (benchmark).</source>
        <translation>启动后刷新仪表板和各列表，输出耗时，然后退出（性能测试）。</translation>
    </message>
    <message>
        <source>--demo-as-of needs a date in the form YYYY-MM-DD</source>
        <translation>--demo-as-of 需要 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>--lang must be one of: %1, system</source>
        <translation>--lang 必须是以下值之一：%1, system</translation>
    </message>
    <message>
        <source>Print the time until the dashboard is first painted and the longest pause of the window, then quit (benchmark).</source>
        <translation>输出启动到仪表板首次绘制完成的耗时以及窗口最长的停顿时间，然后退出（性能测试）。</translation>
    </message>
</context>
<context>
    <name>vantage::cli::CliCommands</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>error: --as-of needs a date in the form YYYY-MM-DD</source>
        <translation>错误：--as-of 需要 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>error: --db FILE is required</source>
        <translation>错误：必须指定 --db FILE</translation>
    </message>
    <message>
        <source>The database file.</source>
        <translation>数据库文件。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Folder with superstore.csv, sales_teams.csv, accounts.csv, products.csv and sales_pipeline.csv (import).</source>
        <translation>包含 superstore.csv、sales_teams.csv、accounts.csv、products.csv 和 sales_pipeline.csv 的文件夹（用于 import）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Shift the demo dates so the data ends just before this day (default: today).</source>
        <translation>平移演示数据的日期，使数据截止到该日期的前一天（默认：今天）。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Fail (exit code 3) when any source row was skipped.</source>
        <translation>只要有源数据行被跳过，即以失败结束（退出码 3）。</translation>
    </message>
    <message>
        <source>error: unknown command &quot;%1&quot;; commands: %2</source>
        <translation>错误：未知命令“%1”；可用命令：%2</translation>
    </message>
    <message>
        <source>error: --source DIR must name a folder</source>
        <translation>错误：--source DIR 必须指定一个文件夹</translation>
    </message>
    <message>
        <source>schema version %1</source>
        <translation>架构版本 %1</translation>
    </message>
    <message>
        <source>backup of the previous file: %1</source>
        <translation>原文件的备份：%1</translation>
    </message>
    <message>
        <source>The database file %1 does not exist.</source>
        <translation>数据库文件 %1 不存在。</translation>
    </message>
    <message>
        <source>Vantage command-line tools. Commands: %1</source>
        <translation>Vantage 命令行工具。命令：%1</translation>
    </message>
    <message>
        <source>What to do.</source>
        <translation>要执行的命令。</translation>
    </message>
</context>
<context>
    <name>vantage::cli::ForecastCommands</name>
    <message>
        <source>error: --%1 needs a whole number of at least 1</source>
        <translation>错误：--%1 需要一个不小于 1 的整数</translation>
    </message>
    <message>
        <source>error: --input FILE is required</source>
        <translation>错误：必须指定 --input 文件</translation>
    </message>
    <message>
        <source>error: --method must be one of %1</source>
        <translation>错误：--method 必须是以下之一：%1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>CSV of series: series_id,t,value (forecast, backtest).</source>
        <translation>时间序列 CSV 文件：series_id,t,value（forecast、backtest）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Where to write the result (forecast: CSV).</source>
        <translation>结果的写入位置（forecast：CSV）。</translation>
    </message>
    <message>
        <source>Periods to forecast (forecast, backtest).</source>
        <translation>预测的期数（forecast、backtest）。</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>Seasonal period: 12 monthly, 4 quarterly, 1 none.</source>
        <translation>季节周期：月度为 12，季度为 4，无季节性为 1。</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Forecasting method: %1 (backtest: several, comma-separated).</source>
        <translation>预测方法：%1（backtest 可用逗号分隔指定多个）。</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Forecast: series fitted in parallel (default 1).</source>
        <translation>forecast：并行拟合的序列数（默认 1）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Backtest: forecast origins per series (1 = hold out the last H values).</source>
        <translation>backtest：每个序列的预测起点数（1 = 保留最后 H 个值用于检验）。</translation>
    </message>
    <message>
        <source>error: --output FILE is required</source>
        <translation>错误：必须指定 --output 文件</translation>
    </message>
    <message>
        <source>error: cannot write %1: %2</source>
        <translation>错误：无法写入 %1：%2</translation>
    </message>
    <message>
        <source>| method | series | scored | sMAPE | MASE | MAPE | bias % | in 80% band | in 95% band | seconds |</source>
        <translation>| 方法 | 序列数 | 已评分 | sMAPE | MASE | MAPE | 偏差 % | 落入 80% 区间 | 落入 95% 区间 | 秒 |</translation>
    </message>
    <message>
        <source>%1 series forecast, %2 left out; fitting and forecasting took %3 s</source>
        <translation>已预测 %1 个序列，跳过 %2 个；拟合与预测耗时 %3 秒</translation>
    </message>
</context>
<context>
    <name>vantage::cli::RiskCommands</name>
    <message>
        <source>error: --%1 needs a date in the form YYYY-MM-DD</source>
        <translation>错误：--%1 需要 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>error: no region &quot;%1&quot;; regions: %2</source>
        <translation>错误：没有区域“%1”；现有区域：%2</translation>
    </message>
    <message>
        <source>Risk: only this region (code or id).</source>
        <translation>风险：只列出此区域（代码或 ID）。</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Risk: deals per region (default 10; 0 = the whole open pipeline).</source>
        <translation>风险：每个区域列出的商机数（默认 10；0 = 全部未结商机）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Risk backtest: first Monday to replay.</source>
        <translation>风险回测：回放的第一个星期一。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Risk backtest: last Monday to replay.</source>
        <translation>风险回测：回放的最后一个星期一。</translation>
    </message>
    <message>
        <source>error: risk needs --db FILE --as-of YYYY-MM-DD --output FILE</source>
        <translation>错误：risk 需要 --db 文件 --as-of YYYY-MM-DD --output 文件</translation>
    </message>
    <message>
        <source>error: --top needs a whole number of at least 0</source>
        <translation>错误：--top 需要不小于 0 的整数</translation>
    </message>
    <message>
        <source>%1 open deals scored, %2 listed; model trained on %3 deal-weeks from %4 Mondays (learned weight %5%)</source>
        <translation>已为 %1 个未结商机评分，列出 %2 个；模型基于 %4 个星期一的 %3 个商机周训练（学习模型权重 %5%）</translation>
    </message>
    <message>
        <source>Replaying Mondays</source>
        <translation>正在回放各星期一</translation>
    </message>
    <message>
        <source>Mondays: %1 (%2 … %3), region lists: %4, deal-weeks scored: %5, lost or slipped within four weeks: %6% (lost: %7%)</source>
        <translation>星期一：%1 个（%2 … %3），区域名单：%4 份，已评分商机周：%5，四周内丢单或延期：%6%（丢单：%7%）</translation>
    </message>
    <message>
        <source>seconds: %1</source>
        <translation>用时（秒）：%1</translation>
    </message>
    <message>
        <source>error: funnel-alerts needs --db FILE --as-of YYYY-MM-DD</source>
        <translation>错误：funnel-alerts 需要 --db 文件 --as-of YYYY-MM-DD</translation>
    </message>
    <message>
        <source>%1 funnel alerts for the weeks before %2</source>
        <translation>%2 之前各周共有 %1 条漏斗预警</translation>
    </message>
    <message>
        <source>Of them order-weeks: %1, late or cancelled: %2%</source>
        <translation>其中订单周数：%1，延迟或取消：%2%</translation>
    </message>
    <message>
        <source>| ranking | precision of the ten | lift | AUC | AUC, losses alone | AUC, orders alone | Brier |</source>
        <translation>| 排序方法 | 前十名精确率 | 提升度 | AUC | 仅计丢单的 AUC | 仅订单的 AUC | Brier |</translation>
    </message>
    <message>
        <source>%1 (rule: %2)</source>
        <translation>%1（规则：%2）</translation>
    </message>
    <message>
        <source>[acknowledged] %1</source>
        <translation>[已确认] %1</translation>
    </message>
    <message>
        <source>[muted] %1</source>
        <translation>[已静音] %1</translation>
    </message>
    <message>
        <source>Funnel alerts: also the muted ones.</source>
        <translation>漏斗预警：也列出已静音的预警。</translation>
    </message>
    <message>
        <source>%1; %2 muted (--all shows them)</source>
        <translation>%1；%2 条已静音（--all 可显示）</translation>
    </message>
</context>
<context>
    <name>vantage::core::Connection</name>
    <message>
        <source>The database file %1 could not be opened: %2</source>
        <translation>无法打开数据库文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>vantage::core::CrmSource</name>
    <message>
        <source>the price must be a non-negative amount</source>
        <translation>价格必须是非负金额</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in sales_teams.csv</source>
        <translation>sales_teams.csv 中没有“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in products.csv</source>
        <translation>products.csv 中没有“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in accounts.csv</source>
        <translation>accounts.csv 中没有“%1”</translation>
    </message>
    <message>
        <source>the close date is before the engage date</source>
        <translation>结单日期早于开始跟进日期</translation>
    </message>
    <message>
        <source>the close value must be a non-negative amount</source>
        <translation>成交金额必须是非负金额</translation>
    </message>
    <message>
        <source>the id %1 appears twice</source>
        <translation>编号 %1 重复出现</translation>
    </message>
    <message>
        <source>unknown stage &quot;%1&quot;</source>
        <translation>未知阶段“%1”</translation>
    </message>
    <message>
        <source>a won or lost opportunity needs an account</source>
        <translation>已赢单或已输单的商机必须有客户</translation>
    </message>
    <message>
        <source>an opportunity past prospecting needs an engage date</source>
        <translation>已过初步接触阶段的商机必须有开始跟进日期</translation>
    </message>
    <message>
        <source>a won or lost opportunity needs a close date</source>
        <translation>已赢单或已输单的商机必须有结单日期</translation>
    </message>
</context>
<context>
    <name>vantage::core::CrmWriter</name>
    <message>
        <source>the parent company &quot;%1&quot; is not in the file</source>
        <translation>文件中没有母公司“%1”</translation>
    </message>
    <message>
        <source>Importing opportunities…</source>
        <translation>正在导入商机…</translation>
    </message>
    <message>
        <source>the revenue is too large and was left empty</source>
        <translation>营业收入数值过大，已留空</translation>
    </message>
</context>
<context>
    <name>vantage::core::CsvReader</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8 text.</source>
        <translation>%1 不是有效的 UTF-8 文本。</translation>
    </message>
    <message>
        <source>%1 has no header line.</source>
        <translation>%1 缺少标题行。</translation>
    </message>
    <message>
        <source>%1, line 1: the column &quot;%2&quot; is missing.</source>
        <translation>%1 第 1 行：缺少“%2”列。</translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation>右引号后出现了多余的文本</translation>
    </message>
    <message>
        <source>a quoted field is not closed before the end of the file</source>
        <translation>带引号的字段直到文件末尾仍未闭合</translation>
    </message>
</context>
<context>
    <name>vantage::core::DatabaseFile</name>
    <message>
        <source>The database file %1 cannot be read: %2</source>
        <translation>无法读取数据库文件 %1：%2</translation>
    </message>
    <message>
        <source>Could not save a backup copy of %1 as %2: %3</source>
        <translation>无法将 %1 备份为 %2：%3</translation>
    </message>
    <message>
        <source>The database %1 was made by a newer version of Vantage (schema %2; this version reads up to %3). Install the newer version to open it; the file was not changed.</source>
        <translation>数据库 %1 由更新版本的 Vantage 创建（架构版本 %2；当前版本最高只能读取架构版本 %3）。请安装新版本后再打开；该文件未作任何更改。</translation>
    </message>
    <message>
        <source>The file %1 is an SQLite database, but not a Vantage database. It was not changed.</source>
        <translation>文件 %1 是 SQLite 数据库，但不是 Vantage 数据库。该文件未作任何更改。</translation>
    </message>
    <message>
        <source>The database file %1 is damaged and cannot be opened (%2). It was not changed.</source>
        <translation>数据库文件 %1 已损坏，无法打开（%2）。该文件未作任何更改。</translation>
    </message>
    <message>
        <source>A backup copy was saved as %1.</source>
        <translation>已将备份保存为 %1。</translation>
    </message>
</context>
<context>
    <name>vantage::core::Decimal</name>
    <message>
        <source>&quot;%1&quot; is not a valid number.</source>
        <translation>“%1”不是有效的数字。</translation>
    </message>
    <message>
        <source>The number is too large.</source>
        <translation>数值过大。</translation>
    </message>
    <message>
        <source>Division by zero.</source>
        <translation>除数为零。</translation>
    </message>
</context>
<context>
    <name>vantage::core::DemoDatabaseBuilder</name>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>无法为 %1 创建文件夹。</translation>
    </message>
    <message>
        <source>Could not move the new demo database into place at %1.</source>
        <translation>无法将新的演示数据库移动到 %1。</translation>
    </message>
    <message>
        <source>The demo database %1 is in use by another program; close it and try again.</source>
        <translation>演示数据库 %1 正被其他程序使用，请关闭该程序后重试。</translation>
    </message>
</context>
<context>
    <name>vantage::core::DemoImporter</name>
    <message>
        <source>The database %1 already holds sales data; import into a new file instead.</source>
        <translation>数据库 %1 中已有销售数据，请改为导入到新文件中。</translation>
    </message>
    <message>
        <source>Reading the source files…</source>
        <translation>正在读取源文件…</translation>
    </message>
</context>
<context>
    <name>vantage::core::DemoVocabulary</name>
    <message>
        <source>Central</source>
        <translation>中部</translation>
    </message>
    <message>
        <source>East</source>
        <translation>东部</translation>
    </message>
    <message>
        <source>South</source>
        <translation>南部</translation>
    </message>
    <message>
        <source>West</source>
        <translation>西部</translation>
    </message>
    <message>
        <source>Furniture</source>
        <translation>家具</translation>
    </message>
    <message>
        <source>Office Supplies</source>
        <translation>办公用品</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>技术产品</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>个人消费者</translation>
    </message>
    <message>
        <source>Corporate</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Home Office</source>
        <translation>家庭办公</translation>
    </message>
    <message>
        <source>Same Day</source>
        <translation>当日达</translation>
    </message>
    <message>
        <source>First Class</source>
        <translation>一级快递</translation>
    </message>
    <message>
        <source>Second Class</source>
        <translation>二级快递</translation>
    </message>
    <message>
        <source>Standard Class</source>
        <translation>标准快递</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
</context>
<context>
    <name>vantage::core::DisplayFormat</name>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format</comment>
        <translation>yyyy-MM-dd</translation>
    </message>
</context>
<context>
    <name>vantage::core::EnumLabels</name>
    <message>
        <source>Prospecting</source>
        <translation>初步接触</translation>
    </message>
    <message>
        <source>Engaging</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Regional manager</source>
        <translation>区域经理</translation>
    </message>
    <message>
        <source>Sales director</source>
        <translation>销售总监</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>order status: not shipped yet</comment>
        <translation>未发货</translation>
    </message>
    <message>
        <source>Shipped</source>
        <comment>order status</comment>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>order status</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <comment>invoice status</comment>
        <translation>未付</translation>
    </message>
    <message>
        <source>Paid</source>
        <comment>invoice status</comment>
        <translation>已付</translation>
    </message>
    <message>
        <source>Void</source>
        <comment>invoice status</comment>
        <translation>作废</translation>
    </message>
    <message>
        <source>Customer or dealer</source>
        <translation>客户或经销商</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Order line</source>
        <translation>订单行</translation>
    </message>
    <message>
        <source>Approval request</source>
        <translation>审批申请</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Quote line</source>
        <translation>报价行</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Contract clause</source>
        <translation>合同条款</translation>
    </message>
    <message>
        <source>Sales target</source>
        <translation>销售目标</translation>
    </message>
    <message>
        <source>Quote number</source>
        <comment>field of a quote or contract</comment>
        <translation>报价单号</translation>
    </message>
    <message>
        <source>Contract number</source>
        <comment>field of a quote or contract</comment>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Revision</source>
        <comment>field of a quote or contract</comment>
        <translation>版本</translation>
    </message>
    <message>
        <source>Previous revision</source>
        <comment>field of a quote or contract</comment>
        <translation>上一版本</translation>
    </message>
    <message>
        <source>Customer</source>
        <comment>field of a quote or contract</comment>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <comment>field of a quote or contract</comment>
        <translation>商机</translation>
    </message>
    <message>
        <source>Owner</source>
        <comment>field of a quote or contract</comment>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>field of a quote or contract</comment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Currency</source>
        <comment>field of a quote or contract</comment>
        <translation>币种</translation>
    </message>
    <message>
        <source>Price book</source>
        <comment>field of a quote or contract</comment>
        <translation>价格表</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <comment>field of a quote or contract</comment>
        <translation>汇率</translation>
    </message>
    <message>
        <source>Rate date</source>
        <comment>field of a quote or contract</comment>
        <translation>汇率日期</translation>
    </message>
    <message>
        <source>Country</source>
        <comment>field of a quote or contract</comment>
        <translation>国家</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>field of a quote or contract</comment>
        <translation>语言</translation>
    </message>
    <message>
        <source>Valid until</source>
        <comment>field of a quote or contract</comment>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <comment>field of a quote or contract</comment>
        <translation>小计</translation>
    </message>
    <message>
        <source>Discount</source>
        <comment>field of a quote or contract</comment>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Tax</source>
        <comment>field of a quote or contract</comment>
        <translation>税额</translation>
    </message>
    <message>
        <source>Total</source>
        <comment>field of a quote or contract</comment>
        <translation>总计</translation>
    </message>
    <message>
        <source>Notes</source>
        <comment>field of a quote or contract</comment>
        <translation>备注</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>field of a quote or contract</comment>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Quote</source>
        <comment>field of a quote or contract</comment>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Starts</source>
        <comment>field of a quote or contract</comment>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends</source>
        <comment>field of a quote or contract</comment>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Signed</source>
        <comment>field of a quote or contract</comment>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>field of a record</comment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <comment>field of a record</comment>
        <translation>类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <comment>field of a record</comment>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <comment>field of a record</comment>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <comment>field of a record</comment>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>field of a record</comment>
        <translation>成交日期</translation>
    </message>
    <message>
        <source>Product</source>
        <comment>field of a record</comment>
        <translation>产品</translation>
    </message>
    <message>
        <source>Subject</source>
        <comment>field of a record</comment>
        <translation>主题</translation>
    </message>
    <message>
        <source>Job title</source>
        <comment>field of a record</comment>
        <translation>职位</translation>
    </message>
    <message>
        <source>E-mail</source>
        <comment>field of a record</comment>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <comment>field of a record</comment>
        <translation>电话</translation>
    </message>
    <message>
        <source>Order number</source>
        <comment>field of a record</comment>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order date</source>
        <comment>field of a record</comment>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Ship date</source>
        <comment>field of a record</comment>
        <translation>发货日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <comment>field of a record</comment>
        <translation>交付期限</translation>
    </message>
    <message>
        <source>Order total</source>
        <comment>field of a record</comment>
        <translation>订单总额</translation>
    </message>
    <message>
        <source>When</source>
        <comment>field of a record</comment>
        <translation>时间</translation>
    </message>
    <message>
        <source>Minutes</source>
        <comment>field of a record</comment>
        <translation>分钟</translation>
    </message>
    <message>
        <source>City</source>
        <comment>field of a record</comment>
        <translation>城市</translation>
    </message>
    <message>
        <source>Segment</source>
        <comment>field of a record</comment>
        <translation>细分市场</translation>
    </message>
    <message>
        <source>Metric</source>
        <comment>field of a record</comment>
        <translation>指标</translation>
    </message>
    <message>
        <source>Recipients</source>
        <comment>field of a record</comment>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Enabled</source>
        <comment>field of a record</comment>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Sensitivity (hundredths of a sigma)</source>
        <comment>field of a record</comment>
        <translation>灵敏度（百分之一 sigma）</translation>
    </message>
    <message>
        <source>Minimum deals</source>
        <comment>field of a record</comment>
        <translation>最少交易数</translation>
    </message>
    <message>
        <source>Recent weeks</source>
        <comment>field of a record</comment>
        <translation>近期周数</translation>
    </message>
    <message>
        <source>Baseline weeks</source>
        <comment>field of a record</comment>
        <translation>基线周数</translation>
    </message>
    <message>
        <source>Quarters compared</source>
        <comment>field of a record</comment>
        <translation>对比季度数</translation>
    </message>
</context>
<context>
    <name>vantage::core::ExportFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>vantage::core::ForecastRepository</name>
    <message>
        <source>No region</source>
        <translation>无区域</translation>
    </message>
</context>
<context>
    <name>vantage::core::ForecastTableModel</name>
    <message>
        <source>%1 – %2</source>
        <comment>a range of amounts, low – high</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>80% range</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <source>95% range</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>期间起始日</translation>
    </message>
    <message>
        <source>Actual (%1)</source>
        <translation>实际（%1）</translation>
    </message>
    <message>
        <source>Forecast (%1)</source>
        <translation>预测（%1）</translation>
    </message>
    <message>
        <source>80% low (%1)</source>
        <translation>80% 下限（%1）</translation>
    </message>
    <message>
        <source>80% high (%1)</source>
        <translation>80% 上限（%1）</translation>
    </message>
    <message>
        <source>95% low (%1)</source>
        <translation>95% 下限（%1）</translation>
    </message>
    <message>
        <source>95% high (%1)</source>
        <translation>95% 上限（%1）</translation>
    </message>
    <message>
        <source>Target (%1)</source>
        <translation>目标（%1）</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <comment>quarter and year, e.g. Q4 2026</comment>
        <translation>%2年第%1季度</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>month and year of a forecast period</comment>
        <translation>yyyy年M月</translation>
    </message>
</context>
<context>
    <name>vantage::core::Forecaster</name>
    <message>
        <source>The period and the horizon must be at least 1 (period %1, horizon %2).</source>
        <translation>周期和预测期数都必须不小于 1（周期 %1，预测期数 %2）。</translation>
    </message>
    <message>
        <source>Value %1 of the series is missing or not a number.</source>
        <translation>序列的第 %1 个值缺失或不是数字。</translation>
    </message>
    <message>
        <source>The series has %1 values; forecasting needs at least %2.</source>
        <translation>该序列只有 %1 个值；预测至少需要 %2 个。</translation>
    </message>
    <message>
        <source>%1 cannot forecast this series (%2 values, period %3).</source>
        <translation>%1 无法预测此序列（%2 个值，周期 %3）。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Exponential smoothing (ETS)</source>
        <translation>指数平滑（ETS）</translation>
    </message>
    <message>
        <source>Theta</source>
        <translation>Theta 法</translation>
    </message>
    <message>
        <source>Seasonal naive</source>
        <translation>季节性朴素法</translation>
    </message>
    <message>
        <source>Croston (SBA)</source>
        <translation>Croston 法（SBA）</translation>
    </message>
    <message>
        <source>Combination (ETS, Theta, damped trend)</source>
        <translation>组合预测（ETS、Theta、阻尼趋势）</translation>
    </message>
    <message>
        <source>Naive</source>
        <translation>朴素法</translation>
    </message>
    <message>
        <source>Combination (%1)</source>
        <comment>the methods combined</comment>
        <translation>组合预测（%1）</translation>
    </message>
</context>
<context>
    <name>vantage::core::FunnelAlertRule</name>
    <message>
        <source>Any change</source>
        <translation>任何变化</translation>
    </message>
    <message>
        <source>Conversion drops</source>
        <translation>转化率下降</translation>
    </message>
    <message>
        <source>Conversion rises</source>
        <translation>转化率上升</translation>
    </message>
    <message>
        <source>Time in stage gets longer</source>
        <translation>阶段停留时间变长</translation>
    </message>
    <message>
        <source>Time in stage gets shorter</source>
        <translation>阶段停留时间变短</translation>
    </message>
    <message>
        <source>Built-in: any change at 3 sigma</source>
        <translation>内置：任何达到 3 sigma 的变化</translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation>请为规则命名。</translation>
    </message>
    <message>
        <source>Sensitivity must be between %1 and %2 sigma.</source>
        <translation>灵敏度必须在 %1 到 %2 sigma 之间。</translation>
    </message>
    <message>
        <source>Minimum deals must be a whole number from 3 to 500.</source>
        <translation>最少交易数必须是 3 到 500 之间的整数。</translation>
    </message>
    <message>
        <source>Recent weeks must be a whole number from 1 to 4.</source>
        <translation>近期周数必须是 1 到 4 之间的整数。</translation>
    </message>
    <message>
        <source>Baseline weeks must be a whole number from 4 to 52.</source>
        <translation>基线周数必须是 4 到 52 之间的整数。</translation>
    </message>
    <message>
        <source>Earlier quarters must be a whole number from 0 to 8.</source>
        <translation>往前比较的季度数必须是 0 到 8 之间的整数。</translation>
    </message>
    <message>
        <source>“%1” is neither an e-mail address nor a Vantage user.</source>
        <translation>“%1”既不是电子邮件地址，也不是 Vantage 用户。</translation>
    </message>
</context>
<context>
    <name>vantage::core::FunnelAlertRules</name>
    <message>
        <source>New</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>已静音</translation>
    </message>
</context>
<context>
    <name>vantage::core::FunnelAnomaly</name>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date format: the first day of a funnel alert</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>the week since %1</source>
        <translation>自 %1 起的一周</translation>
    </message>
    <message>
        <source>the %1 weeks since %2</source>
        <translation>自 %2 起的 %1 周</translation>
    </message>
    <message>
        <source>the week before</source>
        <translation>此前一周</translation>
    </message>
    <message>
        <source>the %1 weeks before</source>
        <translation>此前 %1 周</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>region, product</comment>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 → next stage</source>
        <translation>%1 → 下一阶段</translation>
    </message>
    <message>
        <source>%1 → next stage in %2</source>
        <translation>%1 → 下一阶段（%2）</translation>
    </message>
    <message>
        <source>Time in %1</source>
        <translation>%1 阶段停留时间</translation>
    </message>
    <message>
        <source>Time in %1 in %2</source>
        <translation>%1 阶段停留时间（%2）</translation>
    </message>
    <message>
        <source>%1: %2% converted in %3, against %4% over %5 (z = %6).</source>
        <translation>%1：%3转化率 %2%，%5为 %4%（z = %6）。</translation>
    </message>
    <message>
        <source>%1: %2% converted in %3, against %4% over %5 (z = %6); 1 deal lost.</source>
        <translation>%1：%3转化率 %2%，%5为 %4%（z = %6）；丢单 1 笔。</translation>
    </message>
    <message>
        <source>%1: %2% converted in %3, against %4% over %5 (z = %6); %7 deals lost.</source>
        <translation>%1：%3转化率 %2%，%5为 %4%（z = %6）；丢单 %7 笔。</translation>
    </message>
    <message>
        <source>%1: %2 on average for deals leaving in %3, against %4 over %5 (z = %6).</source>
        <translation>%1：%3离开该阶段的商机平均停留 %2，%5为 %4（z = %6）。</translation>
    </message>
    <message>
        <source>the same weeks of the quarter before</source>
        <translation>上一季度的同期</translation>
    </message>
    <message>
        <source>the same weeks of the %1 quarters before</source>
        <translation>此前 %1 个季度的同期</translation>
    </message>
</context>
<context>
    <name>vantage::core::HierarchyForecaster</name>
    <message>
        <source>There are %1 whole periods of sales; a forecast needs at least %2.</source>
        <translation>只有 %1 个完整周期的销售数据；预测至少需要 %2 个。</translation>
    </message>
    <message>
        <source>The forecast was cancelled.</source>
        <translation>预测已取消。</translation>
    </message>
</context>
<context>
    <name>vantage::core::ImportContext</name>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>vantage::core::ImportReport</name>
    <message>
        <source>row skipped</source>
        <translation>已跳过该行</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1, line %2: %3 (%4)</source>
        <translation>%1 第 %2 行：%3（%4）</translation>
    </message>
    <message>
        <source>%1, line %2, column &quot;%3&quot;: %4 (%5)</source>
        <translation>%1 第 %2 行“%3”列：%4（%5）</translation>
    </message>
    <message numerus="yes">
        <source>read %1: %n rows</source>
        <translation>
            <numerusform>读取 %1：%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %1: %n rows</source>
        <translation>
            <numerusform>写入 %1：%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>rows skipped: %1</source>
        <translation>跳过的行：%1</translation>
    </message>
    <message>
        <source>warnings: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>time: %1 ms</source>
        <translation>耗时：%1 毫秒</translation>
    </message>
</context>
<context>
    <name>vantage::core::JsonReader</name>
    <message>
        <source>The message is malformed: %1</source>
        <translation>消息格式不正确：%1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>超过 %1 个字符</translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>必须介于 %1 和 %2 之间</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message>
        <source>has more than %1 items</source>
        <translation>超过 %1 项</translation>
    </message>
    <message>
        <source>is not JSON (%1 at byte %2)</source>
        <translation>不是有效的 JSON（第 %2 字节处：%1）</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
</context>
<context>
    <name>vantage::core::Migrator</name>
    <message>
        <source>Updating the database to schema version %1 (%2) failed.</source>
        <translation>将数据库升级到架构版本 %1（%2）失败。</translation>
    </message>
    <message>
        <source>The step was rolled back; the database remains at version %1.</source>
        <translation>该步骤已回滚，数据库仍为版本 %1。</translation>
    </message>
    <message>
        <source>The database is at schema version %1; this version of Vantage knows up to %2.</source>
        <translation>数据库的架构版本为 %1；当前版本的 Vantage 最高只支持版本 %2。</translation>
    </message>
</context>
<context>
    <name>vantage::core::Money</name>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>Amounts in %1 and %2 cannot be combined without an exchange rate.</source>
        <translation>没有汇率，无法合计以 %1 和 %2 计价的金额。</translation>
    </message>
    <message>
        <source>Allocation weights must not be negative.</source>
        <translation>分摊权重不能为负数。</translation>
    </message>
    <message>
        <source>Nothing to allocate the amount to.</source>
        <translation>没有可分摊金额的对象。</translation>
    </message>
</context>
<context>
    <name>vantage::core::ReadQueries</name>
    <message>
        <source>The database was closed before it was open.</source>
        <translation>数据库在打开完成之前已被关闭。</translation>
    </message>
</context>
<context>
    <name>vantage::core::RecordList</name>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总金额</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Segment / sector</source>
        <translation>细分市场 / 行业</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Sales (all time)</source>
        <translation>累计销售额</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结单日期</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Ship mode</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>应交付日期</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <source>State or province</source>
        <translation>州/省</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
</context>
<context>
    <name>vantage::core::RiskAssessment</name>
    <message>
        <source>The as-of date is not a valid date.</source>
        <translation>截止日期不是有效日期。</translation>
    </message>
    <message>
        <source>The risk list was cancelled.</source>
        <translation>风险名单已取消。</translation>
    </message>
</context>
<context>
    <name>vantage::core::RiskBacktest</name>
    <message>
        <source>Vantage risk model</source>
        <translation>Vantage 风险模型</translation>
    </message>
    <message>
        <source>Rule prior alone</source>
        <translation>仅规则先验</translation>
    </message>
    <message>
        <source>Plain logistic model</source>
        <translation>普通逻辑回归模型</translation>
    </message>
    <message>
        <source>Oldest in stage first</source>
        <translation>阶段停留最久者优先</translation>
    </message>
    <message>
        <source>Largest amount first</source>
        <translation>金额最大者优先</translation>
    </message>
    <message>
        <source>There is no stage history to replay.</source>
        <translation>没有可回放的阶段历史。</translation>
    </message>
    <message>
        <source>The backtest was cancelled.</source>
        <translation>回测已取消。</translation>
    </message>
    <message>
        <source>No Monday between %1 and %2 has open deals and a known four-week outcome.</source>
        <translation>%1 至 %2 之间没有哪个星期一既有未结商机又有已知的四周结果。</translation>
    </message>
    <message>
        <source>Base rate (same for every deal of a kind)</source>
        <translation>基准率（同类交易相同）</translation>
    </message>
</context>
<context>
    <name>vantage::core::RiskList</name>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>No single reason: the usual risk of an open order</source>
        <translation>无突出原因：未发货订单的通常风险</translation>
    </message>
    <message>
        <source>No single reason: the usual risk of a deal at this stage</source>
        <translation>无突出原因：该阶段交易的通常风险</translation>
    </message>
    <message>
        <source>Confirm the ship date with the warehouse.</source>
        <translation>与仓库确认发货日期。</translation>
    </message>
    <message>
        <source>Confirm the next step and the close date with the customer.</source>
        <translation>与客户确认下一步和成交日期。</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
</context>
<context>
    <name>vantage::core::RiskListModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Suggested next step</source>
        <translation>建议的下一步</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Opportunity or order</source>
        <translation>商机或订单</translation>
    </message>
</context>
<context>
    <name>vantage::core::RiskListSheet</name>
    <message>
        <source>New</source>
        <translation>新上榜</translation>
    </message>
    <message>
        <source>Up 1 point</source>
        <translation>上升 1 个百分点</translation>
    </message>
    <message>
        <source>Up %1 points</source>
        <translation>上升 %1 个百分点</translation>
    </message>
    <message>
        <source>Down 1 point</source>
        <translation>下降 1 个百分点</translation>
    </message>
    <message>
        <source>Down %1 points</source>
        <translation>下降 %1 个百分点</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Risk list</source>
        <translation>风险名单</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Reason 1</source>
        <translation>原因 1</translation>
    </message>
    <message>
        <source>Reason 2</source>
        <translation>原因 2</translation>
    </message>
    <message>
        <source>Reason 3</source>
        <translation>原因 3</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <source>Opportunity or order</source>
        <translation>商机或订单</translation>
    </message>
</context>
<context>
    <name>vantage::core::RiskLoop</name>
    <message>
        <source>No regional manager</source>
        <translation>无区域经理</translation>
    </message>
</context>
<context>
    <name>vantage::core::RiskPipelineModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Main reason</source>
        <translation>主要原因</translation>
    </message>
    <message>
        <source>Opportunity or order</source>
        <translation>商机或订单</translation>
    </message>
</context>
<context>
    <name>vantage::core::RiskReasons</name>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>In %1 %2, %3× the usual %4</source>
        <translation>处于“%1”阶段 %2，是通常 %4 天的 %3 倍</translation>
    </message>
    <message>
        <source>Expected to close %1, %2 ago</source>
        <translation>预计成交日 %1，已过去 %2</translation>
    </message>
    <message>
        <source>Expected to close by %1, within four weeks</source>
        <translation>预计 %1 前成交，在四周之内</translation>
    </message>
    <message>
        <source>Close date moved later once</source>
        <translation>预计成交日推迟过 1 次</translation>
    </message>
    <message>
        <source>Close date moved later %1 times</source>
        <translation>预计成交日推迟过 %1 次</translation>
    </message>
    <message>
        <source>Amount cut %1% from its highest</source>
        <translation>金额比最高时减少 %1%</translation>
    </message>
    <message>
        <source>Nothing recorded for %1</source>
        <translation>已有 %1 没有任何记录</translation>
    </message>
    <message>
        <source>Discount %1% off list</source>
        <translation>比目录价低 %1%</translation>
    </message>
    <message>
        <source>%1× the rep&apos;s usual deal size</source>
        <translation>是该销售代表通常单笔金额的 %1 倍</translation>
    </message>
    <message>
        <source>Customer has an overdue invoice</source>
        <translation>客户有 1 张逾期发票</translation>
    </message>
    <message>
        <source>Customer has %1 overdue invoices</source>
        <translation>客户有 %1 张逾期发票</translation>
    </message>
    <message>
        <source>Rep wins %1% of closed deals (all reps %2%)</source>
        <translation>该销售代表已结商机的赢单率为 %1%（全体代表为 %2%）</translation>
    </message>
    <message>
        <source>Product wins %1% of closed deals (all products %2%)</source>
        <translation>该产品已结商机的赢单率为 %1%（全部产品为 %2%）</translation>
    </message>
    <message>
        <source>Long in stage</source>
        <translation>阶段停留过久</translation>
    </message>
    <message>
        <source>Past expected close</source>
        <translation>已过预计成交日</translation>
    </message>
    <message>
        <source>Close date near</source>
        <translation>临近预计成交日</translation>
    </message>
    <message>
        <source>Close date pushed</source>
        <translation>成交日被推迟</translation>
    </message>
    <message>
        <source>Amount cut</source>
        <translation>金额被削减</translation>
    </message>
    <message>
        <source>No recent activity</source>
        <translation>近期无活动</translation>
    </message>
    <message>
        <source>Deep discount</source>
        <translation>折扣过大</translation>
    </message>
    <message>
        <source>Unusually large deal</source>
        <translation>金额异常大</translation>
    </message>
    <message>
        <source>Customer overdue on payments</source>
        <translation>客户付款逾期</translation>
    </message>
    <message>
        <source>Rep&apos;s low win rate</source>
        <translation>销售代表赢单率低</translation>
    </message>
    <message>
        <source>Product&apos;s low win rate</source>
        <translation>产品赢单率低</translation>
    </message>
    <message>
        <source>Call the decision maker, confirm the buying timeline and agree the next step in writing.</source>
        <translation>致电决策人，确认采购时间表，并以书面形式约定下一步。</translation>
    </message>
    <message>
        <source>Confirm whether the deal is still alive; set a realistic close date or close it as lost.</source>
        <translation>确认商机是否仍然有效；设定现实的成交日期，或将其关闭为丢单。</translation>
    </message>
    <message>
        <source>Check that the order paperwork, approvals and budget are in place before the close date.</source>
        <translation>在成交日前确认订单文件、审批和预算均已到位。</translation>
    </message>
    <message>
        <source>Ask what changed each time the date moved; escalate to the manager with a recovery plan.</source>
        <translation>了解每次推迟日期的原因；带着挽回方案上报经理。</translation>
    </message>
    <message>
        <source>Review the scope with the customer and protect the value with a smaller first phase.</source>
        <translation>与客户重新核对范围，用较小的第一期保住价值。</translation>
    </message>
    <message>
        <source>Schedule a visit or call this week and log it.</source>
        <translation>本周安排一次拜访或电话，并做好记录。</translation>
    </message>
    <message>
        <source>Review the discount with the manager; trade it for volume, term or prepayment.</source>
        <translation>与经理复核折扣；以折扣换取更大数量、更长期限或预付款。</translation>
    </message>
    <message>
        <source>Bring in the manager or a specialist to support the rep on this deal.</source>
        <translation>请经理或专家协助销售代表跟进此商机。</translation>
    </message>
    <message>
        <source>Agree a payment plan for the overdue invoices with finance before committing.</source>
        <translation>在承诺之前，先与财务就逾期发票商定付款计划。</translation>
    </message>
    <message>
        <source>Review the deal with the rep in the weekly one-to-one.</source>
        <translation>在每周一对一沟通中与销售代表复盘此商机。</translation>
    </message>
    <message>
        <source>Ask the product specialist for references and a competitive comparison.</source>
        <translation>请产品专家提供参考案例和竞品对比。</translation>
    </message>
    <message>
        <source>Due for delivery %1, %2 ago, not shipped</source>
        <translation>应于 %1 交货，已过 %2，尚未发货</translation>
    </message>
    <message>
        <source>Delivery date %1 reached, not shipped</source>
        <translation>已到交货日期 %1，尚未发货</translation>
    </message>
    <message>
        <source>Day %1 of %2 before the delivery date %3, not shipped</source>
        <translation>距交货日期 %3 共 %2 天，已过第 %1 天，尚未发货</translation>
    </message>
    <message>
        <source>%1× the usual order size</source>
        <translation>订单金额为通常的 %1 倍</translation>
    </message>
    <message>
        <source>Expected close %1 reached</source>
        <translation>已到预计成交日期 %1</translation>
    </message>
    <message>
        <source>Day %1 of %2 before the expected close %3</source>
        <translation>距预计成交日期 %3 共 %2 天，已过第 %1 天</translation>
    </message>
    <message>
        <source>Order past its delivery date</source>
        <translation>订单已过交货日期</translation>
    </message>
    <message>
        <source>Order close to its delivery date</source>
        <translation>订单临近交货日期</translation>
    </message>
    <message>
        <source>Order with a deep discount</source>
        <translation>订单折扣过大</translation>
    </message>
    <message>
        <source>Unusually large order</source>
        <translation>订单金额异常大</translation>
    </message>
    <message>
        <source>Order for a customer overdue on payments</source>
        <translation>客户有逾期付款的订单</translation>
    </message>
    <message>
        <source>Most of the time to close gone</source>
        <translation>距成交的时间大部分已过</translation>
    </message>
    <message>
        <source>Ask the warehouse when it ships; if it will miss the delivery date, tell the customer today.</source>
        <translation>询问仓库何时发货；如将错过交货日期，今天就通知客户。</translation>
    </message>
    <message>
        <source>Escalate the shipment with logistics, give the customer a firm date and log it.</source>
        <translation>向物流部门升级该发货，给客户一个确定的日期并记录。</translation>
    </message>
    <message>
        <source>Check the discount was approved before the order ships.</source>
        <translation>发货前确认折扣已获批准。</translation>
    </message>
    <message>
        <source>Confirm stock and transport capacity for the whole order, or agree split deliveries.</source>
        <translation>确认整单的库存和运力，或与客户商定分批交货。</translation>
    </message>
    <message>
        <source>Agree with finance whether to ship before the overdue invoices are paid.</source>
        <translation>与财务商定在逾期发票付清前是否发货。</translation>
    </message>
    <message>
        <source>Check the deal can still close by its date; agree the remaining steps and who does each.</source>
        <translation>确认交易仍能按期成交；商定剩余步骤及各自负责人。</translation>
    </message>
</context>
<context>
    <name>vantage::core::RiskSnapshot</name>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Plan agreed</source>
        <translation>已商定计划</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待跟进</translation>
    </message>
</context>
<context>
    <name>vantage::core::RowChecker</name>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>应有 %1 个字段，实际为 %2 个</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>此项为必填项</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date in the form YYYY-MM-DD</source>
        <translation>“%1”不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>%1 is outside the allowed range %2 to %3</source>
        <translation>%1 超出允许范围（%2 至 %3）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
</context>
<context>
    <name>vantage::core::Sentences</name>
    <message>
        <source>%1 %2</source>
        <comment>two complete sentences, one after the other</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>vantage::core::SeriesFile</name>
    <message>
        <source>t &quot;%1&quot; is not a whole number from 1 up</source>
        <translation>t“%1”不是从 1 开始的整数</translation>
    </message>
    <message>
        <source>the value for t = %1 is missing</source>
        <translation>t = %1 的值缺失</translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; for t = %2 is not a number</source>
        <translation>t = %2 的值“%1”不是数字</translation>
    </message>
    <message>
        <source>t = %1 appears twice</source>
        <translation>t = %1 出现了两次</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>series %1, line %2: %3</source>
        <translation>序列 %1，第 %2 行：%3</translation>
    </message>
</context>
<context>
    <name>vantage::core::Sql</name>
    <message>
        <source>The database file %1 is damaged (%2). Your data was not changed; restore a backup or rebuild the demo database.</source>
        <translation>数据库文件 %1 已损坏（%2）。您的数据未被更改；请从备份恢复，或重建演示数据库。</translation>
    </message>
    <message>
        <source>The database %1 is busy in another program. Close other copies of Vantage and try again.</source>
        <translation>数据库 %1 正被其他程序占用。请关闭其他正在运行的 Vantage 后重试。</translation>
    </message>
    <message>
        <source>A database operation on %1 failed: %2</source>
        <translation>对数据库 %1 的操作失败：%2</translation>
    </message>
</context>
<context>
    <name>vantage::core::StoreOpener</name>
    <message>
        <source>The database file %1 does not exist.</source>
        <translation>数据库文件 %1 不存在。</translation>
    </message>
    <message>
        <source>Updating the database schema…</source>
        <translation>正在升级数据库架构…</translation>
    </message>
    <message>
        <source>The original file is kept as %1.</source>
        <translation>原文件已保留为 %1。</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>无法为 %1 创建文件夹。</translation>
    </message>
</context>
<context>
    <name>vantage::core::SuperstoreSource</name>
    <message>
        <source>a discount must be at least 0 and less than 1</source>
        <translation>折扣必须大于或等于 0 且小于 1</translation>
    </message>
    <message>
        <source>sales must not be negative</source>
        <translation>销售额不能为负数</translation>
    </message>
    <message>
        <source>the ship date is before the order date</source>
        <translation>发货日期早于下单日期</translation>
    </message>
    <message>
        <source>unknown segment &quot;%1&quot;</source>
        <translation>未知的客户细分“%1”</translation>
    </message>
</context>
<context>
    <name>vantage::core::SuperstoreWriter</name>
    <message>
        <source>Importing customers…</source>
        <translation>正在导入客户…</translation>
    </message>
    <message>
        <source>Importing orders…</source>
        <translation>正在导入订单…</translation>
    </message>
    <message>
        <source>product %1 appears here with another name; its first name, &quot;%2&quot;, is kept</source>
        <translation>产品 %1 在此处使用了另一个名称；保留其最初的名称“%2”</translation>
    </message>
</context>
<context>
    <name>vantage::core::SyncMessages</name>
    <message>
        <source>must be a string of at most 10000 characters</source>
        <translation>必须是不超过 10000 个字符的字符串</translation>
    </message>
    <message>
        <source>must be an id (a lower-case UUID)</source>
        <translation>必须是编号（小写 UUID）</translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a date in the form YYYY-MM-DD</source>
        <translation>必须是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>must be an id (a lower-case UUID) or null</source>
        <translation>必须是编号（小写 UUID）或 null</translation>
    </message>
    <message>
        <source>is not a field of %1</source>
        <translation>不是 %1 的字段</translation>
    </message>
    <message>
        <source>is required and cannot be empty</source>
        <translation>为必填项，不能为空</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>is not a part of %1</source>
        <translation>不属于 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known mutation</source>
        <translation>“%1”不是已知的修改操作</translation>
    </message>
    <message>
        <source>only documents have children</source>
        <translation>只有单据才能包含明细行</translation>
    </message>
    <message>
        <source>names an unknown record type &quot;%1&quot;</source>
        <translation>指定了未知的记录类型“%1”</translation>
    </message>
    <message>
        <source>must follow the previous mid by one</source>
        <translation>必须比上一个 mid 大 1</translation>
    </message>
    <message>
        <source>is not a known status</source>
        <translation>不是已知的状态</translation>
    </message>
    <message>
        <source>names an unknown record type</source>
        <translation>指定了未知的记录类型</translation>
    </message>
    <message>
        <source>must be put, del or evict</source>
        <translation>必须是 put、del 或 evict</translation>
    </message>
    <message>
        <source>is not the record type asked for</source>
        <translation>不是所请求的记录类型</translation>
    </message>
</context>
<context>
    <name>vantage::core::TopCustomersModel</name>
    <message>
        <source>(account not in your regions)</source>
        <translation>（不在您负责区域内的客户）</translation>
    </message>
    <message>
        <source>#</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Sales, last 12 months</source>
        <translation>近 12 个月销售额</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>所属区域</translation>
    </message>
</context>
<context>
    <name>vantage::core::XlsxSheet</name>
    <message>
        <source>Sheet &quot;%1&quot;, cell %2: &quot;%3&quot; is not a number.</source>
        <translation>工作表“%1”的单元格 %2：“%3”不是数字。</translation>
    </message>
    <message>
        <source>Sheet &quot;%1&quot;, cell %2: the text is longer than the %3 characters a cell can hold.</source>
        <translation>工作表“%1”的单元格 %2：文本超过了单元格最多可容纳的 %3 个字符。</translation>
    </message>
    <message>
        <source>Sheet &quot;%1&quot; has %2 rows and %3 columns; a sheet holds at most %4 rows and %5 columns.</source>
        <translation>工作表“%1”有 %2 行、%3 列；一个工作表最多可容纳 %4 行、%5 列。</translation>
    </message>
</context>
<context>
    <name>vantage::core::XlsxWriter</name>
    <message>
        <source>There is nothing to export.</source>
        <translation>没有可导出的内容。</translation>
    </message>
</context>
<context>
    <name>vantage::core::ZipWriter</name>
    <message>
        <source>The export is too large for an Excel file; export fewer rows.</source>
        <translation>导出内容过大，无法保存为 Excel 文件；请减少导出的行数。</translation>
    </message>
    <message>
        <source>Cannot compress the export.</source>
        <translation>无法压缩导出内容。</translation>
    </message>
</context>
<context>
    <name>vantage::server::AdminService</name>
    <message>
        <source>There is no user with the login &quot;%1&quot;.</source>
        <translation>不存在登录名为“%1”的用户。</translation>
    </message>
    <message>
        <source>There is no region with the code &quot;%1&quot;.</source>
        <translation>不存在代码为“%1”的区域。</translation>
    </message>
    <message>
        <source>The role must be one of: %1.</source>
        <translation>角色必须是以下之一：%1。</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>There is no device with the id %1.</source>
        <translation>不存在编号为 %1 的设备。</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>“%1”不是电子邮件地址。</translation>
    </message>
</context>
<context>
    <name>vantage::server::BackgroundJobs</name>
    <message>
        <source>risk lists of %1 not made: %2</source>
        <translation>%1 的风险清单未生成：%2</translation>
    </message>
    <message>
        <source>risk lists of %1: %2 made (%3 entries), %4 already there</source>
        <translation>%1 的风险清单：新生成 %2 份（%3 条），已有 %4 份</translation>
    </message>
    <message>
        <source>funnel alert mails not sent: %1</source>
        <translation>漏斗预警邮件未发送：%1</translation>
    </message>
    <message>
        <source>funnel alert mail not delivered, tried again later: %1</source>
        <translation>漏斗预警邮件未送达，稍后重试：%1</translation>
    </message>
    <message>
        <source>funnel alerts: messages sent: %1 (%2 alerts); recipients without an e-mail address: %3</source>
        <translation>漏斗预警：已发送邮件 %1 封（%2 条预警）；没有电子邮件地址的收件人：%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>vantage::server::CompanyImporter</name>
    <message>
        <source>The server already holds data; a company is imported only into an empty server.</source>
        <translation>服务器中已有数据；公司数据只能导入到空服务器。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The database file %1 does not exist.</source>
        <translation>数据库文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a readable Vantage database.</source>
        <translation>%1 不是可读取的 Vantage 数据库。</translation>
    </message>
</context>
<context>
    <name>vantage::server::FunnelAlertMailer</name>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>%1 more addresses wait for the next run.</source>
        <translation>另有 %1 个地址等待下次运行时发送。</translation>
    </message>
</context>
<context>
    <name>vantage::server::FunnelAlertMessage</name>
    <message>
        <source>Vantage: a funnel alert for the week of %1</source>
        <translation>Vantage：%1 当周有 1 条漏斗预警</translation>
    </message>
    <message>
        <source>Vantage: %1 funnel alerts for the week of %2</source>
        <translation>Vantage：%2 当周有 %1 条漏斗预警</translation>
    </message>
    <message>
        <source>Funnel alerts of the weeks before %1 that nobody has acknowledged or muted yet, from the alert rules that name you as a recipient:</source>
        <translation>以下是 %1 之前几周尚未被确认或静音的漏斗预警，来自将您列为收件人的预警规则：</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <source>Acknowledge or mute them in Vantage, on the Risk page under “Funnel alerts”. You are told of each alert once.</source>
        <translation>请在 Vantage 的“风险”页面“漏斗预警”标签中确认或静音这些预警。每条预警只通知您一次。</translation>
    </message>
    <message>
        <source>— Vantage server</source>
        <translation>—— Vantage 服务器</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Deals behind it: %1 and %2 more</source>
        <translation>相关交易：%1，另有 %2 笔</translation>
    </message>
    <message>
        <source>Deals behind it: %1</source>
        <translation>相关交易：%1</translation>
    </message>
</context>
<context>
    <name>vantage::server::RiskListMaker</name>
    <message>
        <source>A week&apos;s risk lists start on a Monday.</source>
        <translation>每周的风险清单从周一开始。</translation>
    </message>
</context>
<context>
    <name>vantage::server::ScratchCopy</name>
    <message>
        <source>No folder for the scratch copy of the synced rows.</source>
        <translation>没有可用于存放已同步记录临时副本的文件夹。</translation>
    </message>
    <message>
        <source>The scratch copy of the synced rows failed.</source>
        <translation>复制已同步的记录到临时数据库失败。</translation>
    </message>
</context>
<context>
    <name>vantage::server::ServerCommands</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>vantage-server %1 listening on %2:%3 (%4)</source>
        <translation>vantage-server %1 正在监听 %2:%3（%4）</translation>
    </message>
    <message>
        <source>error: cannot listen on %1:%2 (in use, or not allowed)</source>
        <translation>错误：无法监听 %1:%2（端口已被占用或不允许使用）</translation>
    </message>
    <message>
        <source>Loading the demo data (every demo user signs in with the password &quot;vantage-demo&quot;)…</source>
        <translation>正在载入演示数据（所有演示用户的登录密码均为“vantage-demo”）…</translation>
    </message>
    <message>
        <source>user %1 added</source>
        <translation>已添加用户 %1</translation>
    </message>
    <message>
        <source>password of %1 changed</source>
        <translation>已更改 %1 的密码</translation>
    </message>
    <message>
        <source>region %1 added</source>
        <translation>已添加区域 %1</translation>
    </message>
    <message>
        <source>Server database: an SQLite file, or postgresql://user:password@host:port/name (default: $VANTAGE_SERVER_DATABASE, else vantage-server.sqlite).</source>
        <translation>服务器数据库：SQLite 文件，或 postgresql://user:password@host:port/name（默认：$VANTAGE_SERVER_DATABASE，否则为 vantage-server.sqlite）。</translation>
    </message>
    <message>
        <source>SPEC</source>
        <translation>SPEC</translation>
    </message>
    <message>
        <source>serve: TCP port (default 8080).</source>
        <translation>serve：TCP 端口（默认 8080）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>serve: address to listen on (default 127.0.0.1).</source>
        <translation>serve：监听地址（默认 127.0.0.1）。</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADDRESS</translation>
    </message>
    <message>
        <source>serve: use a local demo database with the demo users (created on first use).</source>
        <translation>serve：使用本地演示数据库及演示用户（首次使用时创建）。</translation>
    </message>
    <message>
        <source>serve: log every request to stderr.</source>
        <translation>serve：将每个请求记录到标准错误输出。</translation>
    </message>
    <message>
        <source>user add, region add: display name.</source>
        <translation>user add、region add：显示名称。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>user add: rep, regional_manager, director or admin.</source>
        <translation>user add：rep、regional_manager、director 或 admin。</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLE</translation>
    </message>
    <message>
        <source>region add: ISO currency code.</source>
        <translation>region add：ISO 货币代码。</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>The password (prefer typing it on standard input).</source>
        <translation>密码（建议通过标准输入提供）。</translation>
    </message>
    <message>
        <source>PASSWORD</source>
        <translation>PASSWORD</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>libsodium cannot be initialized on this machine.</source>
        <translation>无法在此计算机上初始化 libsodium。</translation>
    </message>
    <message>
        <source>schema version %1</source>
        <translation>架构版本 %1</translation>
    </message>
    <message>
        <source>device %1 revoked</source>
        <translation>已吊销设备 %1</translation>
    </message>
    <message>
        <source>user %1 disabled; its sessions end now</source>
        <translation>已停用用户 %1，其会话立即失效</translation>
    </message>
    <message>
        <source>user %1 enabled</source>
        <translation>已启用用户 %1</translation>
    </message>
    <message>
        <source>%1 now works in region %2</source>
        <translation>%1 现已负责区域 %2</translation>
    </message>
    <message>
        <source>%1 no longer works in region %2; its laptops drop that region&apos;s data at their next sync</source>
        <translation>%1 不再负责区域 %2；其电脑将在下次同步时删除该区域的数据</translation>
    </message>
    <message>
        <source>%1 rows copied…</source>
        <translation>已复制 %1 行…</translation>
    </message>
    <message>
        <source>%1 rows imported</source>
        <translation>已导入 %1 行</translation>
    </message>
    <message>
        <source>serve: worker threads, each with its own database connection (default 32).</source>
        <translation>serve：工作线程数，每个线程使用自己的数据库连接（默认 32）。</translation>
    </message>
    <message>
        <source>serve: a proxy whose X-Forwarded-For header names the client; repeat for several (default: 127.0.0.1 and ::1, nginx on this host).</source>
        <translation>serve：其 X-Forwarded-For 标头可信地指明客户端地址的代理；可重复指定多个（默认：127.0.0.1 和 ::1，即本机上的 nginx）。</translation>
    </message>
    <message>
        <source>risk lists of %1: %2 made (%3 entries), %4 already there; %5 synced rows read</source>
        <translation>%1 的风险清单：新建 %2 份（%3 条），已有 %4 份；读取同步记录 %5 条</translation>
    </message>
    <message>
        <source>serve: do not make the weekly risk lists (run `risk-lists` from cron, or let another instance make them).</source>
        <translation>serve：不生成每周风险清单（由 cron 运行 `risk-lists`，或交给另一个实例生成）。</translation>
    </message>
    <message>
        <source>funnel-alerts needs a mail relay: --smtp HOST[:PORT].</source>
        <translation>funnel-alerts 需要邮件中继：--smtp 主机[:端口]。</translation>
    </message>
    <message>
        <source>error: not delivered: %1</source>
        <translation>错误：未送达：%1</translation>
    </message>
    <message>
        <source>warning: recipients without an e-mail address: %1</source>
        <translation>警告：以下收件人没有电子邮件地址：%1</translation>
    </message>
    <message>
        <source>funnel alerts of the week of %1: messages sent: %2 (%3 alerts); already sent before: %4</source>
        <translation>%1 当周的漏斗预警：已发送邮件 %2 封（%3 条预警）；此前已发送：%4</translation>
    </message>
    <message>
        <source>serve, funnel-alerts: the mail relay for funnel alert mails (port 25 unless given; without it serve mails nothing).</source>
        <translation>serve、funnel-alerts：发送漏斗预警邮件的邮件中继（未指定端口时为 25；不指定则 serve 不发送邮件）。</translation>
    </message>
    <message>
        <source>HOST[:PORT]</source>
        <translation>主机[:端口]</translation>
    </message>
    <message>
        <source>none, starttls or tls (default: tls on port 465, starttls on 587, else none).</source>
        <translation>none、starttls 或 tls（默认：端口 465 用 tls，587 用 starttls，其余为 none）。</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Sign in to the mail relay as USER; the password in $VANTAGE_SMTP_PASSWORD.</source>
        <translation>以 USER 身份登录邮件中继；密码放在 $VANTAGE_SMTP_PASSWORD 中。</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Trust the mail relay&apos;s certificate when one of these CAs (PEM) signed it, besides the system&apos;s.</source>
        <translation>除系统证书外，也信任由这些 CA（PEM）签发的邮件中继证书。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The sender of funnel alert mails (default vantage@HOSTNAME).</source>
        <translation>漏斗预警邮件的发件人（默认 vantage@主机名）。</translation>
    </message>
    <message>
        <source>user add: the user&apos;s e-mail address (funnel alert rules may name the user).</source>
        <translation>user add：用户的电子邮件地址（漏斗预警规则可以将该用户列为收件人）。</translation>
    </message>
    <message>
        <source>import demo, import csv: shift the dates to end the day before this date; risk-lists, funnel-alerts: a day of the week to work on.</source>
        <translation>import demo、import csv：平移日期，使数据截止到此日期的前一天；risk-lists、funnel-alerts：要处理的那一周中的某一天。</translation>
    </message>
    <message>
        <source>Commands:
  serve [--port N] [--bind ADDRESS] [--threads N] [--demo] [--no-risk-lists] [--smtp HOST[:PORT]]
  migrate
  user add LOGIN --name NAME --role ROLE [--email ADDRESS]   (password on standard input)
  user passwd LOGIN | user disable LOGIN | user enable LOGIN
  device revoke CLIENT_ID
  region add CODE --name NAME --currency CODE
  region assign LOGIN CODE | region unassign LOGIN CODE
  import demo [--as-of YYYY-MM-DD] | import csv DIR [--as-of YYYY-MM-DD] | import database FILE
      (into an empty server; the password of the imported users on standard input)
  risk-lists [--as-of YYYY-MM-DD]   (the week&apos;s risk lists of every region without one; serve makes them by itself unless --no-risk-lists)
  funnel-alerts --smtp HOST[:PORT] [--as-of YYYY-MM-DD]   (mails the open alerts not mailed yet to the recipients of the alert rules; serve does it by itself when given --smtp)</source>
        <translation>命令：
  serve [--port N] [--bind ADDRESS] [--threads N] [--demo] [--no-risk-lists] [--smtp HOST[:PORT]]
  migrate
  user add LOGIN --name NAME --role ROLE [--email ADDRESS]   （密码从标准输入读取）
  user passwd LOGIN | user disable LOGIN | user enable LOGIN
  device revoke CLIENT_ID
  region add CODE --name NAME --currency CODE
  region assign LOGIN CODE | region unassign LOGIN CODE
  import demo [--as-of YYYY-MM-DD] | import csv DIR [--as-of YYYY-MM-DD] | import database FILE
      （导入到空服务器；导入用户的密码从标准输入读取）
  risk-lists [--as-of YYYY-MM-DD]   （为尚无清单的每个区域生成该周风险清单；除非指定 --no-risk-lists，serve 会自动生成）
  funnel-alerts --smtp HOST[:PORT] [--as-of YYYY-MM-DD]   （把尚未发送的未处理预警通过邮件发给预警规则的收件人；指定 --smtp 时 serve 会自动发送）</translation>
    </message>
</context>
<context>
    <name>vantage::server::ServerDatabase</name>
    <message>
        <source>The database file name is missing.</source>
        <translation>缺少数据库文件名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL address like postgresql://user@host:5432/database.</source>
        <translation>“%1”不是形如 postgresql://user@host:5432/database 的 PostgreSQL 地址。</translation>
    </message>
    <message>
        <source>The server database %1 cannot be opened: %2</source>
        <translation>无法打开服务器数据库 %1：%2</translation>
    </message>
</context>
<context>
    <name>vantage::server::ServerSchema</name>
    <message>
        <source>The server database %1 is at schema version %2; this server knows up to %3.</source>
        <translation>服务器数据库 %1 的架构版本为 %2；此服务器最高只支持版本 %3。</translation>
    </message>
</context>
<context>
    <name>vantage::server::SmtpMailer</name>
    <message>
        <source>The mail server %1 refused %2: %3</source>
        <translation>邮件服务器 %1 拒绝了%2：%3</translation>
    </message>
    <message>
        <source>--smtp %1: the port must be a number from 1 to 65535.</source>
        <translation>--smtp %1：端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>--smtp-security must be none, starttls or tls, not “%1”.</source>
        <translation>--smtp-security 必须是 none、starttls 或 tls，而不是“%1”。</translation>
    </message>
    <message>
        <source>--smtp-user needs the password in $VANTAGE_SMTP_PASSWORD.</source>
        <translation>--smtp-user 需要在 $VANTAGE_SMTP_PASSWORD 中提供密码。</translation>
    </message>
    <message>
        <source>--smtp-user sends a password: use --smtp-security starttls or tls.</source>
        <translation>--smtp-user 会发送密码：请使用 --smtp-security starttls 或 tls。</translation>
    </message>
    <message>
        <source>--smtp-ca %1: no PEM certificate in that file.</source>
        <translation>--smtp-ca %1：该文件中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>--mail-from %1 is not an e-mail address.</source>
        <translation>--mail-from %1 不是电子邮件地址。</translation>
    </message>
    <message>
        <source>Vantage</source>
        <translation>Vantage</translation>
    </message>
    <message>
        <source>The mail server %1 does not offer STARTTLS; use --smtp-security none or tls.</source>
        <translation>邮件服务器 %1 不支持 STARTTLS；请使用 --smtp-security none 或 tls。</translation>
    </message>
    <message>
        <source>the login of %1</source>
        <translation>%1 的登录</translation>
    </message>
    <message>
        <source>the sender %1</source>
        <translation>发件人 %1</translation>
    </message>
    <message>
        <source>the recipient %1</source>
        <translation>收件人 %1</translation>
    </message>
    <message>
        <source>the message to %1</source>
        <translation>发给 %1 的邮件</translation>
    </message>
    <message>
        <source>The mail server %1:%2 cannot be reached.</source>
        <translation>无法连接邮件服务器 %1:%2。</translation>
    </message>
    <message>
        <source>No encrypted connection with the mail server %1: %2</source>
        <translation>无法与邮件服务器 %1 建立加密连接：%2</translation>
    </message>
    <message>
        <source>The mail server %1 did not answer.</source>
        <translation>邮件服务器 %1 没有响应。</translation>
    </message>
    <message>
        <source>The mail server %1 sent data before encryption started; nothing was sent.</source>
        <translation>邮件服务器 %1 在加密开始前发送了数据；未发送任何邮件。</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address; nothing was sent to it.</source>
        <translation>“%1”不是电子邮件地址；没有向其发送邮件。</translation>
    </message>
</context>
<context>
    <name>vantage::server::TokenService</name>
    <message>
        <source>The session has expired; sign in again.</source>
        <translation>会话已过期，请重新登录。</translation>
    </message>
    <message>
        <source>The access token is not valid; sign in again.</source>
        <translation>访问令牌无效，请重新登录。</translation>
    </message>
</context>
<context>
    <name>vantage::sync::RecordEditor</name>
    <message>
        <source>&quot;%1&quot; is not a kind of record that can be changed.</source>
        <translation>“%1”不是可修改的记录类型。</translation>
    </message>
    <message>
        <source>The record was deleted; your change was not saved.</source>
        <translation>该记录已被删除，您的修改未保存。</translation>
    </message>
    <message>
        <source>%1 records are not documents.</source>
        <translation>%1 记录不是单据。</translation>
    </message>
</context>
<context>
    <name>vantage::sync::RefusedChange</name>
    <message>
        <source>“%1” is not an amount.</source>
        <translation>“%1”不是金额。</translation>
    </message>
    <message>
        <source>“%1” is not a whole number.</source>
        <translation>“%1”不是整数。</translation>
    </message>
    <message>
        <source>“%1” is neither true nor false.</source>
        <translation>“%1”既不是 true 也不是 false。</translation>
    </message>
    <message>
        <source>“%1” is not a date (YYYY-MM-DD).</source>
        <translation>“%1”不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The record belongs to a region you do not work in; move it to one of yours or leave the change.</source>
        <translation>该记录属于您不负责的区域；请把它移到您的区域，或暂不处理这项修改。</translation>
    </message>
    <message>
        <source>Only directors and administrators may save a record without a region; choose a region.</source>
        <translation>只有总监和管理员可以保存没有区域的记录；请选择一个区域。</translation>
    </message>
    <message>
        <source>Only an administrator can change this kind of record.</source>
        <translation>只有管理员可以修改此类记录。</translation>
    </message>
    <message>
        <source>The record was deleted on the server.</source>
        <translation>该记录已在服务器上删除。</translation>
    </message>
    <message>
        <source>A sent or signed document cannot be changed; make a new revision.</source>
        <translation>已发送或已签署的单据不能修改；请创建新版本。</translation>
    </message>
    <message>
        <source>The server is older than this app and does not know this change; ask for the server to be updated.</source>
        <translation>服务器版本比本应用旧，无法识别这项修改；请联系管理员升级服务器。</translation>
    </message>
    <message>
        <source>Someone else changed %1 on the server meanwhile; check the value the server has and send yours again if it should still win.</source>
        <translation>在此期间有人在服务器上修改了 %1；请查看服务器上的值，如仍应以您的为准，请再次发送。</translation>
    </message>
    <message>
        <source>a protected field</source>
        <translation>一个受保护的字段</translation>
    </message>
    <message>
        <source>The server found a value it cannot take: %1</source>
        <translation>服务器发现了无法接受的值：%1</translation>
    </message>
    <message>
        <source>The refused change is no longer waiting; it was sent or fixed already.</source>
        <translation>这项被拒绝的修改已不在等待中；它已被发送或更正。</translation>
    </message>
    <message>
        <source>“%1” has more decimals than %2 amounts have (%3).</source>
        <translation>“%1”的小数位数超过了 %2 金额允许的位数（%3 位）。</translation>
    </message>
    <message>
        <source>This change cannot be corrected here: this computer does not know the server&apos;s values for it. Send it again once what the server objected to is fixed.</source>
        <translation>此修改无法在这里更正：本机不知道服务器上对应的值。请在服务器指出的问题解决后重新发送。</translation>
    </message>
</context>
<context>
    <name>vantage::sync::SyncController</name>
    <message numerus="yes">
        <source>This computer still has %n change(s) for %1 on %2. Sign in as %1 and sync them before signing in as someone else or to another server.</source>
        <translation>
            <numerusform>这台电脑上还有 %n 项属于 %2 上 %1 的更改。请先以 %1 登录并同步这些更改，再以其他用户登录或登录其他服务器。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to see the conflicts waiting on the server.</source>
        <translation>登录后可查看服务器上待处理的冲突。</translation>
    </message>
    <message>
        <source>The change will be sent again at the next sync.</source>
        <translation>该更改将在下次同步时重新发送。</translation>
    </message>
    <message>
        <source>The conflict is resolved; the result arrives with the next sync.</source>
        <translation>冲突已解决；结果将在下次同步时到达。</translation>
    </message>
    <message>
        <source>The corrected change will be sent at the next sync.</source>
        <translation>更正后的修改将在下次同步时发送。</translation>
    </message>
</context>
<context>
    <name>vantage::sync::SyncEngine</name>
    <message>
        <source>The certificate of the server %1 is not trusted (%2), so nothing was sent; your changes stay on this computer. If your company uses its own certificate authority, ask your administrator for its CA certificate file.</source>
        <translation>服务器 %1 的证书不受信任（%2），因此未发送任何内容；您的修改会保留在本机。如果贵公司使用自己的证书颁发机构，请向管理员索取该机构的 CA 证书文件。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached (%2). Your changes stay on this computer and are sent at the next sync.</source>
        <translation>无法连接服务器 %1（%2）。您的修改会保留在本机，并在下次同步时发送。</translation>
    </message>
    <message>
        <source>Your access to %1 was revoked by an administrator; the company data on this computer was removed.</source>
        <translation>管理员已吊销您对 %1 的访问权限，本机上的公司数据已被删除。</translation>
    </message>
    <message>
        <source>Sign in to %1 again.</source>
        <translation>请重新登录 %1。</translation>
    </message>
    <message>
        <source>This version of Vantage is too old for the server %1; install the update. Your changes are kept.</source>
        <translation>此版本的 Vantage 过旧，无法与服务器 %1 同步；请安装更新。您的修改已保留。</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts; wait %n seconds and try again.</source>
        <translation>
            <numerusform>尝试次数过多，请等待 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server %1 is busy or failing (HTTP %2); sync will try again.</source>
        <translation>服务器 %1 繁忙或出现故障（HTTP %2），稍后将重新同步。</translation>
    </message>
    <message>
        <source>The server %1 refused the request (HTTP %2: %3).</source>
        <translation>服务器 %1 拒绝了请求（HTTP %2：%3）。</translation>
    </message>
    <message>
        <source>The server&apos;s sign-in answer is incomplete.</source>
        <translation>服务器返回的登录信息不完整。</translation>
    </message>
    <message>
        <source>The login or password is wrong.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <source>This computer may not sign in as %1; ask your administrator.</source>
        <translation>此计算机不能以 %1 身份登录，请联系管理员。</translation>
    </message>
    <message>
        <source>Sign in to %1 first.</source>
        <translation>请先登录 %1。</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the upload is not valid: %1</source>
        <translation>服务器对上传的响应无效：%1</translation>
    </message>
    <message>
        <source>The server answered only part of the upload.</source>
        <translation>服务器只响应了部分上传内容。</translation>
    </message>
    <message>
        <source>Sync was cancelled; it continues where it stopped next time.</source>
        <translation>同步已取消，下次将从中断处继续。</translation>
    </message>
    <message>
        <source>The server&apos;s changes are not valid: %1</source>
        <translation>服务器发送的更改无效：%1</translation>
    </message>
    <message numerus="yes">
        <source>Receiving changes… %Ln records</source>
        <translation>
            <numerusform>正在接收更改… %Ln 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downloading your regions&apos; data… %Ln records</source>
        <translation>
            <numerusform>正在下载您所辖区域的数据… %Ln 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>This version of Vantage is too old for the server; install the update.</source>
        <translation>此版本的 Vantage 过旧，无法与服务器同步；请安装更新。</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the upload is not in order.</source>
        <translation>服务器对上传的应答顺序不正确。</translation>
    </message>
    <message>
        <source>Sync was cancelled; the download goes on where it stopped next time.</source>
        <translation>同步已取消，下次将从中断处继续下载。</translation>
    </message>
    <message>
        <source>The server&apos;s data is not valid: %1</source>
        <translation>服务器的数据无效：%1</translation>
    </message>
    <message>
        <source>Someone saved the document on the server again while you were choosing; open the conflict again to choose from the new version. Nothing was changed.</source>
        <translation>在您选择期间，有人又在服务器上保存了该单据；请重新打开该冲突，根据新版本进行选择。没有任何内容被更改。</translation>
    </message>
</context>
<context>
    <name>vantage::sync::SyncTransport</name>
    <message>
        <source>The CA certificate file %1 cannot be read or holds no certificate.</source>
        <translation>无法读取 CA 证书文件 %1，或文件中没有证书。</translation>
    </message>
</context>
<context>
    <name>vantage::sync::TokenVault</name>
    <message>
        <source>The system keychain could not keep your sign-in (%1). You stay signed in until Vantage closes; then sign in again.</source>
        <translation>系统密钥环无法保存您的登录状态（%1）。在关闭 Vantage 之前您仍保持登录；之后需要重新登录。</translation>
    </message>
</context>
<context>
    <name>vantage::ui::AboutDialog</name>
    <message>
        <source>About Vantage</source>
        <translation>关于 Vantage</translation>
    </message>
    <message>
        <source>Vantage</source>
        <translation>Vantage</translation>
    </message>
    <message>
        <source>Bundled data and licences</source>
        <translation>内置数据与许可证</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Vantage %1&lt;/h2&gt;&lt;p&gt;Sales management for regional sales managers that works fully offline and explains every number it shows.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Vantage %1&lt;/h2&gt;&lt;p&gt;面向区域销售经理的销售管理软件，可完全离线使用，并对显示的每一个数字给出说明。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source># Demo data

The demo database is built from two public data sets, bundled unchanged. Every date is moved forward by the same number of days so the demo looks current. Invoices, payments and quarterly sales targets are *derived* from the orders by fixed rules (one invoice per shipped order, 30 days terms, payment habits from a stable hash of the customer id; targets = the same quarter a year before + 10%); they are not source data. The demo director and administrator users are added; all other people, companies and figures come from the sources.

</source>
        <translation># 演示数据

演示数据库由两个公开数据集生成，数据集按原样内置、未作修改。所有日期都向后平移了相同的天数，使演示数据看起来是最新的。发票、付款和季度销售目标是按固定规则由订单*推算*得出的（每个已发货订单开具一张发票，账期 30 天，付款习惯由客户编号的稳定哈希值决定；目标 = 上一年同季度 + 10%），并非源数据。演示用的销售总监和管理员用户是额外添加的；其他所有人员、公司和数据均来自源数据。

</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>vantage::ui::ChartStyle</name>
    <message>
        <source>millions of %1</source>
        <translation>%1（百万）</translation>
    </message>
    <message>
        <source>thousands of %1</source>
        <translation>%1（千）</translation>
    </message>
    <message>
        <source>hundred millions of %1</source>
        <translation>亿 %1</translation>
    </message>
    <message>
        <source>ten thousands of %1</source>
        <translation>万 %1</translation>
    </message>
</context>
<context>
    <name>vantage::ui::ConflictDialog</name>
    <message>
        <source>Resolve a conflict</source>
        <translation>解决冲突</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before both changes</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep the server&apos;s version</source>
        <translation>保留服务器版本</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <source>Save my choices</source>
        <translation>按我的选择保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>This %1 was changed on the server (version %2) after you last synced, and you changed it on this computer too. Rows in colour differ. Choose what to keep for each field and each line.</source>
        <translation>此%1在您上次同步后已在服务器上被修改（版本 %2），您也在本机上修改了它。有颜色的行表示两边不同。请为每个字段和每一行选择要保留的内容。</translation>
    </message>
    <message>
        <source>All from the server</source>
        <translation>全部采用服务器的</translation>
    </message>
    <message>
        <source>All from this computer</source>
        <translation>全部采用本机的</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>明细行</translation>
    </message>
    <message>
        <source>Only on this computer</source>
        <translation>仅在本机</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>不同</translation>
    </message>
    <message>
        <source>The same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>Only on the server</source>
        <translation>仅在服务器</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The server keeps only the current copy of a line, so how it was before both changes is not known.</source>
        <translation>服务器只保存每一行的当前版本，因此无法得知它在两边修改之前的内容。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 · %2 × %3 = %4</source>
        <translation>%1 · %2 × %3 = %4</translation>
    </message>
</context>
<context>
    <name>vantage::ui::CustomersPage</name>
    <message>
        <source>Customers and dealers</source>
        <translation>客户与经销商</translation>
    </message>
    <message>
        <source>Search by name, city, state, country or customer id</source>
        <translation>按名称、城市、州/省、国家/地区或客户编号搜索</translation>
    </message>
</context>
<context>
    <name>vantage::ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the figures again from the database (F5)</source>
        <translation>从数据库重新读取数据（F5）</translation>
    </message>
    <message>
        <source>Show one region or all regions</source>
        <translation>显示单个区域或全部区域</translation>
    </message>
    <message>
        <source>Top customers by sales, last 12 months</source>
        <translation>近 12 个月销售额最高的客户</translation>
    </message>
    <message>
        <source>This database holds no sales yet. Company data arrives through sync with your company&apos;s server; until then you can explore the demo database (Settings).</source>
        <translation>此数据库中还没有销售数据。公司数据将通过与贵公司服务器同步获得；在此之前，您可以先浏览演示数据库（在“设置”中切换）。</translation>
    </message>
    <message>
        <source>Sales, last 12 months</source>
        <translation>近 12 个月销售额</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>在途商机金额</translation>
    </message>
    <message>
        <source>Win rate, last 12 months</source>
        <translation>近 12 个月赢单率</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>未发货订单</translation>
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation>逾期发票</translation>
    </message>
    <message>
        <source>The dashboard could not be loaded: %1</source>
        <translation>无法加载仪表板：%1</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open opportunities</source>
        <translation>
            <numerusform>%Ln 个未结束商机</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 won, %2 lost</source>
        <translation>赢单 %1 个，输单 %2 个</translation>
    </message>
    <message>
        <source>%1 (derived demo invoices)</source>
        <translation>%1（基于推算的演示发票）</translation>
    </message>
    <message>
        <source>%1 vs the 12 months before</source>
        <comment>%1 is a signed percentage change, e.g. +12.3%</comment>
        <translation>较前 12 个月 %1</translation>
    </message>
    <message>
        <source>worth %1</source>
        <comment>%1 is an amount of money</comment>
        <translation>金额 %1</translation>
    </message>
    <message numerus="yes">
        <source>Amounts are in %1. %Ln orders, opportunities and open invoices in other currencies are not included, because no exchange rates are set up.</source>
        <translation>
            <numerusform>金额以 %1 计。由于尚未设置汇率，未包含以其他货币计价的 %Ln 条订单、商机和未付发票。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vantage::ui::ExportPath</name>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>vantage::ui::ForecastChart</name>
    <message>
        <source>MMM yy</source>
        <comment>month on the forecast chart&apos;s axis</comment>
        <translation>yy年M月</translation>
    </message>
    <message>
        <source>95% range</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <source>80% range</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Fitted (one step ahead)</source>
        <translation>拟合值（向前一步）</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>value axis: measure (unit), e.g. Sales (thousands of USD)</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>vantage::ui::ForecastController</name>
    <message>
        <source>Reading sales history…</source>
        <translation>正在读取销售历史…</translation>
    </message>
    <message>
        <source>The sales history for the forecast could not be read: %1</source>
        <translation>无法读取用于预测的销售历史：%1</translation>
    </message>
    <message>
        <source>Fitting forecasts…</source>
        <translation>正在拟合预测…</translation>
    </message>
    <message>
        <source>The forecast could not be computed: %1</source>
        <translation>无法计算预测：%1</translation>
    </message>
    <message>
        <source>The forecast stopped before it had a result.</source>
        <translation>预测在得出结果之前已停止。</translation>
    </message>
</context>
<context>
    <name>vantage::ui::ForecastExport</name>
    <message>
        <source>The chart could not be drawn into %1.</source>
        <translation>无法将图表写入 %1。</translation>
    </message>
</context>
<context>
    <name>vantage::ui::ForecastMethodPanel</name>
    <message>
        <source>Method and accuracy</source>
        <translation>方法与准确度</translation>
    </message>
    <message>
        <source>No forecast yet.</source>
        <translation>尚无预测。</translation>
    </message>
    <message>
        <source>Method: %1</source>
        <translation>方法：%1</translation>
    </message>
    <message numerus="yes">
        <source>Backtest over %n origins: MASE %1, sMAPE %2, bias %3, %4 of actuals inside the 80% band, %5 inside the 95% band.</source>
        <translation>
            <numerusform>基于 %n 个起点的回测：MASE %1，sMAPE %2，偏差 %3；%4 的实际值落在 80% 区间内，%5 落在 95% 区间内。</numerusform>
        </translation>
    </message>
    <message>
        <source>MASE below 1 means the forecasts missed by less, on average, than repeating the same period of the year before would have.</source>
        <translation>MASE 小于 1 表示预测的平均误差小于直接沿用上一年同期数值的误差。</translation>
    </message>
    <message>
        <source>Too little history for a backtest: the accuracy cannot be measured yet.</source>
        <translation>历史数据不足，无法回测：暂时无法衡量准确度。</translation>
    </message>
    <message numerus="yes">
        <source>Fitted in %1 s: %n models fitted anew, the others reused from the cache.</source>
        <translation>
            <numerusform>拟合用时 %1 秒：重新拟合了 %n 个模型，其余取自缓存。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready in %1 s: every model came from the cache (the data has not changed).</source>
        <translation>用时 %1 秒：所有模型均取自缓存（数据未变）。</translation>
    </message>
    <message>
        <source>n/a</source>
        <comment>a measure that cannot be computed</comment>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>vantage::ui::ForecastPage</name>
    <message>
        <source>Cancelled: the previous forecast is still shown.</source>
        <translation>已取消：仍显示之前的预测。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation>将图表保存为 PNG 图片</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the table as a CSV file</source>
        <translation>将表格保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Save the table and the accuracy as an Excel workbook</source>
        <translation>将表格和准确度保存为 Excel 工作簿</translation>
    </message>
    <message>
        <source>What to forecast: order revenue (by region and product category) or the value of won deals (by region and sales rep)</source>
        <translation>预测对象：订单收入（按区域和产品类别）或赢单金额（按区域和销售代表）</translation>
    </message>
    <message>
        <source>Show one region or all regions (no refitting)</source>
        <translation>显示单个区域或全部区域（无需重新拟合）</translation>
    </message>
    <message>
        <source>Show one product category or sales rep (no refitting)</source>
        <translation>显示单个产品类别或销售代表（无需重新拟合）</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Won deals</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Order revenue by region and product category</source>
        <translation>按区域和产品类别的订单收入</translation>
    </message>
    <message>
        <source>Value of won deals by region and sales rep</source>
        <translation>按区域和销售代表的赢单金额</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>ETS</source>
        <translation>ETS</translation>
    </message>
    <message>
        <source>Theta</source>
        <translation>Theta</translation>
    </message>
    <message>
        <source>Seasonal naive</source>
        <translation>季节性朴素法</translation>
    </message>
    <message>
        <source>Croston</source>
        <translation>Croston</translation>
    </message>
    <message>
        <source>Combination</source>
        <translation>组合预测</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All sales reps</source>
        <translation>全部销售代表</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>No sales for this selection</source>
        <translation>所选范围内没有销售</translation>
    </message>
    <message>
        <source>all regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>%1, all regions</source>
        <comment>a product category or rep across regions</comment>
        <translation>%1（全部区域）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>region · category or rep</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Won deal value</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Won deal value forecast: %1</source>
        <translation>赢单金额预测：%1</translation>
    </message>
    <message>
        <source>Order revenue forecast: %1</source>
        <translation>订单收入预测：%1</translation>
    </message>
    <message>
        <source>forecast</source>
        <comment>default export file name</comment>
        <translation>销售预测</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Backtest origins</source>
        <translation>回测起点数</translation>
    </message>
    <message>
        <source>MASE</source>
        <translation>MASE</translation>
    </message>
    <message>
        <source>sMAPE (%)</source>
        <translation>sMAPE（%）</translation>
    </message>
    <message>
        <source>Bias (%)</source>
        <translation>偏差（%）</translation>
    </message>
    <message>
        <source>Actuals inside the 80% band (%)</source>
        <translation>落在 80% 区间内的实际值（%）</translation>
    </message>
    <message>
        <source>Actuals inside the 95% band (%)</source>
        <translation>落在 95% 区间内的实际值（%）</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>vantage::ui::FunnelAlertController</name>
    <message>
        <source>The alert could not be updated: %1</source>
        <translation>无法更新该预警：%1</translation>
    </message>
    <message>
        <source>The alert rules could not be saved: %1</source>
        <translation>无法保存预警规则：%1</translation>
    </message>
</context>
<context>
    <name>vantage::ui::FunnelAlertRulesDialog</name>
    <message>
        <source>(no name)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Funnel alert rules</source>
        <translation>漏斗预警规则</translation>
    </message>
    <message>
        <source>Each enabled rule raises the alerts of its metric and scope at its own sensitivity. Without rules, the built-in one watches every stage for any change at 3 sigma.</source>
        <translation>每条启用的规则按其自身的灵敏度，针对其指标和范围发出预警。没有规则时，内置规则以 3 sigma 监控每个阶段的任何变化。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Raise alerts with this rule</source>
        <translation>按此规则发出预警</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>所有产品</translation>
    </message>
    <message>
        <source>How unusual a change must be, in standard errors from the baseline: 1.5 to 6 (3 is the built-in rule; higher means fewer alerts).</source>
        <translation>变化需偏离基线多少个标准误才算异常：1.5 到 6（内置规则为 3；数值越高，预警越少）。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Sensitivity (sigma):</source>
        <translation>灵敏度（sigma）：</translation>
    </message>
    <message>
        <source>Minimum deals:</source>
        <translation>最少交易数：</translation>
    </message>
    <message>
        <source>Recent weeks:</source>
        <translation>近期周数：</translation>
    </message>
    <message>
        <source>Baseline weeks:</source>
        <translation>基线周数：</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>接收人：</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新规则</translation>
    </message>
    <message>
        <source>The same weeks of the last 4 quarters</source>
        <translation>最近 4 个季度的同期各周</translation>
    </message>
    <message>
        <source>The weeks just before</source>
        <translation>紧接在前的各周</translation>
    </message>
    <message>
        <source>Against earlier quarters, the usual rhythm of a quarter (deals closing at its end) is not an alert. Where they hold too few deals, the weeks just before are used.</source>
        <translation>与往季同期相比，季度本身的节奏（商机集中在季末成交）不会被当成预警。往季同期的交易太少时，改用紧接在前的各周。</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>比较基准：</translation>
    </message>
    <message>
        <source>The same weeks of the last %1 quarters</source>
        <translation>最近 %1 个季度的同期各周</translation>
    </message>
    <message>
        <source>E-mail addresses or names of Vantage users, separated by commas</source>
        <translation>电子邮件地址或 Vantage 用户姓名，用逗号分隔</translation>
    </message>
    <message>
        <source>The company server e-mails each new alert of this rule to them once, unless it is acknowledged or muted first (when the server has a mail relay).</source>
        <translation>公司服务器会把此规则的每条新预警通过电子邮件发送给他们一次，除非该预警已先被确认或静音（需服务器配置了邮件中继）。</translation>
    </message>
    <message>
        <source>Only directors and administrators make or change rules for all regions: choose your region.</source>
        <translation>只有总监和管理员可以新建或修改适用于所有区域的规则：请选择您的区域。</translation>
    </message>
</context>
<context>
    <name>vantage::ui::FunnelAlertsPanel</name>
    <message>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Funnel alert rules…</source>
        <translation>漏斗预警规则…</translation>
    </message>
    <message>
        <source>Which alerts to raise: metric, region, product, sensitivity and recipients</source>
        <translation>发出哪些预警：指标、区域、产品、灵敏度和接收人</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>For 1 week</source>
        <translation>1 周</translation>
    </message>
    <message>
        <source>For 4 weeks</source>
        <translation>4 周</translation>
    </message>
    <message>
        <source>Until unmuted</source>
        <translation>直到取消静音</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <source>Show muted (%1)</source>
        <translation>显示已静音（%1）</translation>
    </message>
    <message>
        <source>Muted until %1</source>
        <translation>静音至 %1</translation>
    </message>
    <message>
        <source>Muted until unmuted</source>
        <translation>静音直到取消</translation>
    </message>
    <message>
        <source>Stages whose recent weeks left their usual range, strongest first. Select one to acknowledge or mute it.</source>
        <translation>近几周超出通常范围的阶段，最显著的在前。选中一条即可确认或静音。</translation>
    </message>
    <message>
        <source>No funnel alerts this week other than the muted ones.</source>
        <translation>本周除已静音的预警外没有漏斗预警。</translation>
    </message>
    <message>
        <source>No funnel alerts this week under your rules.</source>
        <translation>按您的规则，本周没有漏斗预警。</translation>
    </message>
    <message>
        <source>Funnel alert rules saved. The alerts are raised again under them.</source>
        <translation>漏斗预警规则已保存，将按新规则重新发出预警。</translation>
    </message>
    <message>
        <source>No funnel alerts this week: conversion and time in each stage stayed within their usual range (the same weeks of earlier quarters, or the 12 weeks before while the history is short).</source>
        <translation>本周没有漏斗预警：各阶段的转化率和停留时间都在通常范围内（与往季同期相比；历史较短时与此前 12 周相比）。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Double-click to write a note for the team (synced with the alert&apos;s status)</source>
        <translation>双击为团队填写备注（与预警状态一起同步）</translation>
    </message>
</context>
<context>
    <name>vantage::ui::LoginDialog</name>
    <message>
        <source>Enter the server address your administrator gave you, for example https://vantage.example.com.</source>
        <translation>请输入管理员提供的服务器地址，例如 https://vantage.example.com。</translation>
    </message>
    <message>
        <source>“%1” is not a server address; it should look like https://vantage.example.com.</source>
        <translation>“%1”不是有效的服务器地址；格式应类似 https://vantage.example.com。</translation>
    </message>
    <message>
        <source>The address must start with https:// so that your password and data travel encrypted (plain http:// is accepted only for a server on this computer).</source>
        <translation>地址必须以 https:// 开头，以便密码和数据加密传输（仅当服务器位于本机时才接受 http://）。</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in to your company&apos;s server</source>
        <translation>登录公司服务器</translation>
    </message>
    <message>
        <source>Your company&apos;s data is kept on this computer and synced with the server whenever you are online. Your password is not stored; the sign-in is kept in the system keychain.</source>
        <translation>公司数据保存在这台电脑上，联网时与服务器同步。密码不会被保存；登录状态保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>Server (set by your IT department):</source>
        <translation>服务器（由 IT 部门设定）：</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>vantage::ui::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Rebuild demo database…</source>
        <translation>重建演示数据库(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Vantage</source>
        <translation>关于 Vantage(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation>同步：未设置</translation>
    </message>
    <message>
        <source>Sync with a company server arrives in a later version.</source>
        <translation>与公司服务器同步的功能将在后续版本中提供。</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>Vantage</source>
        <translation>Vantage</translation>
    </message>
    <message>
        <source>Demo data as of %1 — %2</source>
        <translation>演示数据，截至 %1 — %2</translation>
    </message>
    <message>
        <source>Vantage — Demo data</source>
        <translation>Vantage — 演示数据</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Demo data.&lt;/b&gt; Public sample data sets with every date moved forward %Ln days; invoices, payments and sales targets are derived from them. This is not your company&apos;s data. &lt;a href=&quot;about&quot;&gt;About the demo data&lt;/a&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;演示数据。&lt;/b&gt;公开示例数据集，所有日期均已向后平移 %Ln 天；发票、付款和销售目标由这些数据推算得出。这不是贵公司的数据。&lt;a href=&quot;about&quot;&gt;关于演示数据&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Company data — %1</source>
        <translation>公司数据 — %1</translation>
    </message>
    <message>
        <source>Vantage — Company data</source>
        <translation>Vantage — 公司数据</translation>
    </message>
</context>
<context>
    <name>vantage::ui::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>vantage::ui::OpportunitiesPage</name>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Search by opportunity, account, owner or id</source>
        <translation>按商机、客户、负责人或编号搜索</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>仅未结束商机</translation>
    </message>
    <message>
        <source>Closed only</source>
        <translation>仅已结束商机</translation>
    </message>
    <message>
        <source>Open and closed</source>
        <translation>全部商机</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
</context>
<context>
    <name>vantage::ui::OrdersPage</name>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Search by order number, customer, city or state</source>
        <translation>按订单号、客户、城市或州/省搜索</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
</context>
<context>
    <name>vantage::ui::PipelineChart</name>
    <message>
        <source>Pipeline value by stage</source>
        <translation>各阶段销售管道金额</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>未结束商机</translation>
    </message>
    <message>
        <source>Closed in the last 12 months</source>
        <translation>近 12 个月已结束商机</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>stage name (number of deals)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Stage (deals)</source>
        <translation>阶段（商机数）</translation>
    </message>
</context>
<context>
    <name>vantage::ui::PlannedPage</name>
    <message>
        <source>This page is not built yet. Nothing on it works in this version.</source>
        <translation>此页面尚在开发中，当前版本中其各项功能均不可用。</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>&lt;p&gt;Planned: a credit score and a proposed credit limit for every dealer, with every point of the score explained; overrides need approval and are recorded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;规划中：为每个经销商给出信用评分和建议信用额度，评分中的每一分都有说明；人工调整需经审批并留有记录。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>&lt;p&gt;Planned: quotes that work offline, from price books, with discounts that need approval above a threshold, taxes per country, currencies, compliance checks and PDF output in Chinese and English.&lt;/p&gt;</source>
        <translation>&lt;p&gt;规划中：可离线使用的报价功能，基于价格表生成报价，超过阈值的折扣需审批，支持按国家计税、多币种和合规检查，并可输出中英文 PDF。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>&lt;p&gt;Planned: contracts generated from accepted quotes, with standard clauses, approval and signature status, in Chinese and English.&lt;/p&gt;</source>
        <translation>&lt;p&gt;规划中：根据客户已接受的报价生成中英文合同，包含标准条款，并显示审批和签署状态。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vantage::ui::QuarterOutlookRow</name>
    <message>
        <source>The quarter outlook could not be computed: %1</source>
        <translation>无法计算本季度展望：%1</translation>
    </message>
    <message>
        <source>Orders, %1 outlook</source>
        <translation>订单：%1展望</translation>
    </message>
    <message>
        <source>%1 expected by quarter end: %2 booked so far plus the forecast of the remaining days</source>
        <translation>预计到季度末为 %1：已入账 %2，加上剩余天数的预测</translation>
    </message>
    <message>
        <source>80%: %1 – %2</source>
        <translation>80%：%1 – %2</translation>
    </message>
    <message>
        <source> · target %1 (%2%)</source>
        <translation> · 目标 %1（%2%）</translation>
    </message>
    <message>
        <source>Won deals, %1 outlook</source>
        <translation>赢单：%1展望</translation>
    </message>
    <message numerus="yes">
        <source>Won so far %1; the rest blends the open pipeline (weight %2%, win rates learned from %Ln closed deals) with the forecast of won value (%3)</source>
        <translation>
            <numerusform>已赢单 %1；其余部分将未结商机（权重 %2%，赢率从 %Ln 笔已结商机中学习）与赢单金额预测（%3）加权合并</numerusform>
        </translation>
    </message>
    <message>
        <source>80%: %1 – %2 · won so far %3</source>
        <translation>80%：%1 – %2 · 已赢单 %3</translation>
    </message>
    <message>
        <source>Pipeline closing in %1</source>
        <translation>%1预计成交的商机</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deals, %1 expected to be won</source>
        <translation>
            <numerusform>%Ln 笔商机，预计赢单 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Orders, quarter outlook</source>
        <translation>订单：季度展望</translation>
    </message>
    <message>
        <source>Won deals, quarter outlook</source>
        <translation>赢单：季度展望</translation>
    </message>
    <message>
        <source>Pipeline closing this quarter</source>
        <translation>本季度预计成交的商机</translation>
    </message>
    <message>
        <source>Not enough order history for a forecast</source>
        <translation>订单历史不足，无法预测</translation>
    </message>
    <message>
        <source>Not enough won-deal history for a forecast</source>
        <translation>赢单历史不足，无法预测</translation>
    </message>
</context>
<context>
    <name>vantage::ui::RecordListPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>page title: error message</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <comment>%1 rows loaded so far, %2 rows that match</comment>
        <translation>已显示 %1 / %2 条</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>没有记录</translation>
    </message>
    <message>
        <source>Nothing matches the search</source>
        <translation>没有符合搜索条件的记录</translation>
    </message>
</context>
<context>
    <name>vantage::ui::RefusedChangeDialog</name>
    <message>
        <source>Correct a refused change</source>
        <translation>更正被拒绝的修改</translation>
    </message>
    <message>
        <source>The server refused your change to this %1 (…%2): %3

Correct the values to send. Only what differs from the server&apos;s values is sent; the rest is settled.</source>
        <translation>服务器拒绝了您对此%1（…%2）的修改：%3

请更正要发送的值。只有与服务器上不同的值会被发送；其余的视为已处理。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>服务器上的值</translation>
    </message>
    <message>
        <source>To send</source>
        <translation>要发送的值</translation>
    </message>
    <message>
        <source>Send corrected</source>
        <translation>发送更正</translation>
    </message>
    <message>
        <source>Keep the server&apos;s values</source>
        <translation>保留服务器上的值</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>(not on the server)</source>
        <translation>（服务器上没有）</translation>
    </message>
    <message>
        <source>(no region)</source>
        <translation>（无区域）</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>vantage::ui::RiskController</name>
    <message>
        <source>Reading the pipeline history…</source>
        <translation>正在读取商机历史…</translation>
    </message>
    <message>
        <source>The risk list stopped before it had a result.</source>
        <translation>风险名单在得出结果前中止了。</translation>
    </message>
    <message>
        <source>The pipeline history could not be read: %1</source>
        <translation>无法读取商机历史：%1</translation>
    </message>
    <message>
        <source>Scoring the open pipeline…</source>
        <translation>正在为未结商机评分…</translation>
    </message>
    <message>
        <source>The risk list could not be made: %1</source>
        <translation>无法生成风险名单：%1</translation>
    </message>
    <message>
        <source>Saving this week&apos;s lists…</source>
        <translation>正在保存本周名单…</translation>
    </message>
    <message>
        <source>This week&apos;s lists were not saved: the database closed.</source>
        <translation>本周名单未保存：数据库已关闭。</translation>
    </message>
    <message>
        <source>This week&apos;s lists could not be saved: %1</source>
        <translation>无法保存本周名单：%1</translation>
    </message>
    <message>
        <source>The follow-up could not be saved: %1</source>
        <translation>无法保存跟进记录：%1</translation>
    </message>
    <message>
        <source>The next steps could not be saved: %1</source>
        <translation>无法保存下一步建议：%1</translation>
    </message>
</context>
<context>
    <name>vantage::ui::RiskExport</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Since last week</source>
        <translation>与上周相比</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Suggested next step</source>
        <translation>建议的下一步</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Risk list</source>
        <translation>风险名单</translation>
    </message>
    <message>
        <source>The PDF file %1 could not be written: %2</source>
        <translation>无法写入 PDF 文件 %1：%2</translation>
    </message>
    <message>
        <source>Opportunity or order</source>
        <translation>商机或订单</translation>
    </message>
</context>
<context>
    <name>vantage::ui::RiskFollowUpPanel</name>
    <message>
        <source>Select a deal in the list to see why it is there and to record the follow-up.</source>
        <translation>在名单中选择一个商机，查看其上榜原因并记录跟进。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>What was agreed, with whom</source>
        <translation>与谁约定了什么</translation>
    </message>
    <message>
        <source>Took the suggested step</source>
        <translation>已采取建议的步骤</translation>
    </message>
    <message>
        <source>Save follow-up</source>
        <translation>保存跟进</translation>
    </message>
</context>
<context>
    <name>vantage::ui::RiskLoopView</name>
    <message>
        <source>Each regional manager&apos;s lists over this week and the seven before: how many entries got a follow-up, and in how many the suggested step was taken.</source>
        <translation>各区域经理本周及此前七周的清单：有多少条目已跟进，其中多少采取了建议的步骤。</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>清单数</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目数</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已跟进</translation>
    </message>
    <message>
        <source>Took the suggested step</source>
        <translation>已采取建议步骤</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%2 条中 %1 条（%3%）</translation>
    </message>
</context>
<context>
    <name>vantage::ui::RiskPage</name>
    <message>
        <source>Cancelled: the list shown is from the previous run.</source>
        <translation>已取消：显示的是上一次生成的名单。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>This week&apos;s risk list is ready: %1 deals in %2 regions.</source>
        <translation>本周风险名单已生成：%2 个区域共 %1 个商机。</translation>
    </message>
    <message>
        <source>Follow-up saved.</source>
        <translation>跟进已保存。</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Save the lists shown as a PDF for the Monday meeting</source>
        <translation>将当前显示的名单保存为 PDF，供周一例会使用</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>没有打开数据库。</translation>
    </message>
    <message>
        <source>Week %1 (Monday %2)</source>
        <translation>第 %1 周（星期一 %2）</translation>
    </message>
    <message>
        <source>Week %1 (Monday %2): lists made by the server at %3</source>
        <translation>第 %1 周（星期一 %2）：名单由服务器于 %3 生成</translation>
    </message>
    <message>
        <source>Week %1 (Monday %2): lists made on this computer at %3</source>
        <translation>第 %1 周（星期一 %2）：名单由本机于 %3 生成</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All reps</source>
        <translation>全部销售代表</translation>
    </message>
    <message>
        <source>Top 10 deals at risk, week %1: %2</source>
        <translation>第 %1 周风险最高的 10 个商机：%2</translation>
    </message>
    <message>
        <source>risk-list</source>
        <comment>default export file name</comment>
        <translation>风险名单</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Print the risk list</source>
        <translation>打印风险名单</translation>
    </message>
    <message>
        <source>Last week: no list was made, so there is nothing to look back on yet.</source>
        <translation>上周没有生成名单，暂时没有可回顾的内容。</translation>
    </message>
    <message>
        <source>Last week&apos;s %1 deals: %2 won, %3 lost, %4 slipped, %5 back on track. Followed up: %6 of %1; suggested step taken: %7.</source>
        <translation>上周名单中的 %1 个商机：赢单 %2 个，丢单 %3 个，延期 %4 个，恢复正常 %5 个。已跟进 %1 个中的 %6 个；采取建议步骤 %7 个。</translation>
    </message>
    <message>
        <source>Next steps saved.</source>
        <translation>下一步建议已保存。</translation>
    </message>
    <message>
        <source>Next steps…</source>
        <translation>下一步建议…</translation>
    </message>
    <message>
        <source>Your company&apos;s next step for each risk reason</source>
        <translation>贵公司针对每个风险原因的下一步做法</translation>
    </message>
    <message>
        <source>Whole open pipeline</source>
        <translation>全部未结商机</translation>
    </message>
    <message>
        <source>Funnel alerts (%1)</source>
        <translation>漏斗预警（%1）</translation>
    </message>
    <message>
        <source>Funnel alerts</source>
        <translation>漏斗预警</translation>
    </message>
    <message>
        <source>Every open deal and order, riskiest first. Outcome in four weeks: lost, or still open past the expected close date; an order: cancelled, or shipped after its due date.</source>
        <translation>所有未结商机和订单，风险最高的在前。四周结果指：丢单，或过了预计成交日仍未成交；订单指：被取消，或在交货日期之后才发货。</translation>
    </message>
    <message>
        <source>Follow-up by manager</source>
        <translation>按经理统计跟进</translation>
    </message>
    <message>
        <source>%1 open deals and orders scored. Models learned from %2 weekly outcomes of your own deals and orders (weight: deals %3%, orders %4%); four-week outcome: lost, or still open past the expected close date; an order: cancelled, or shipped after its due date.</source>
        <translation>已为 %1 个未结商机和订单评分。模型从您自己商机和订单的 %2 个每周结果中学习（权重：商机 %3%，订单 %4%）；四周结果指：丢单，或过了预计成交日仍未成交；订单指：被取消，或在交货日期之后才发货。</translation>
    </message>
</context>
<context>
    <name>vantage::ui::RiskRulesDialog</name>
    <message>
        <source>Next steps for risk reasons</source>
        <translation>各风险原因的下一步建议</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Built-in step</source>
        <translation>内置建议</translation>
    </message>
    <message>
        <source>Your company&apos;s step</source>
        <translation>贵公司的做法</translation>
    </message>
    <message>
        <source>Each deal or order on the list gets the step for its main reason. Write your company&apos;s own step to use it instead of the built-in one; leave it empty to keep the built-in one.</source>
        <translation>清单上的每笔交易或订单都会得到针对其主要原因的下一步。填写贵公司自己的步骤即可替代内置步骤；留空则保留内置步骤。</translation>
    </message>
</context>
<context>
    <name>vantage::ui::RiskTrendChart</name>
    <message>
        <source>Risk by week</source>
        <translation>每周风险</translation>
    </message>
    <message>
        <source>Risk by week: %1</source>
        <translation>每周风险：%1</translation>
    </message>
    <message>
        <source>Risk of being lost or slipping within 4 weeks</source>
        <translation>四周内丢单或延期的风险</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date format of the week labels</comment>
        <translation>M/d</translation>
    </message>
    <message>
        <source>Week (Monday)</source>
        <translation>周（星期一）</translation>
    </message>
    <message>
        <source>Risk (%)</source>
        <translation>风险（%）</translation>
    </message>
</context>
<context>
    <name>vantage::ui::SalesByMonthChart</name>
    <message numerus="yes">
        <source>Sales by month and region, last %n months</source>
        <translation>
            <numerusform>近 %n 个月各区域月度销售额</numerusform>
        </translation>
    </message>
    <message>
        <source>MMM yy</source>
        <comment>short month and year on the chart axis</comment>
        <translation>yy年M月</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>%1 (to date)</source>
        <comment>a month that is not over yet</comment>
        <translation>%1（至今）</translation>
    </message>
</context>
<context>
    <name>vantage::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>Demo database (public sample data, safe to explore)</source>
        <translation>演示数据库（公开示例数据，可放心试用）</translation>
    </message>
    <message>
        <source>Company database (filled from your company&apos;s server by sync)</source>
        <translation>公司数据库（通过同步从贵公司服务器获取数据）</translation>
    </message>
    <message>
        <source>Demo: %1
Company: %2</source>
        <translation>演示：%1
公司：%2</translation>
    </message>
    <message>
        <source>Some settings are managed by your IT department and cannot be changed here.</source>
        <translation>部分设置由贵公司 IT 部门统一管理，无法在此更改。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>vantage::ui::SyncPage</name>
    <message>
        <source>Not synced (demo data)</source>
        <translation>未同步（演示数据）</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Offline — will try again at %1</source>
        <translation>离线——将于 %1 重试</translation>
    </message>
    <message>
        <source>Sync stopped — see the message below</source>
        <translation>同步已停止——请查看下方消息</translation>
    </message>
    <message>
        <source>Demo data — not synced</source>
        <translation>演示数据——不同步</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n 项更改待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to resolve</source>
        <translation>
            <numerusform>%n 项待处理</numerusform>
        </translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚未设置</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 项更改等待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>The system keychain is not available, so this sign-in lasts only until Vantage closes.</source>
        <translation>系统密钥环不可用，因此本次登录仅在关闭 Vantage 之前有效。</translation>
    </message>
    <message>
        <source>%1 …%2</source>
        <translation>%1 …%2</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Your company&apos;s data lives on this computer and works offline. Changes you make wait in the outbox until the server confirms them; nothing is lost while you are offline.</source>
        <translation>公司数据保存在这台电脑上，离线也可使用。您所做的更改会在发件箱中等待，直到服务器确认；离线期间不会丢失任何内容。</translation>
    </message>
    <message>
        <source>You are looking at the demo data, which is never synced. Sign in to your company&apos;s server to work with your company&apos;s data; it is kept in a separate database and the demo stays as it is.</source>
        <translation>您正在查看演示数据，演示数据不会同步。登录公司服务器即可使用公司数据；公司数据保存在单独的数据库中，演示数据保持不变。</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>登录用户：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>上次同步：</translation>
    </message>
    <message>
        <source>Outbox:</source>
        <translation>发件箱：</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Changes the server refused (%1)</source>
        <translation>服务器拒绝的更改（%1）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Fields changed</source>
        <translation>修改的字段</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>服务器给出的原因</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Conflicts to resolve (%1)</source>
        <translation>待解决的冲突（%1）</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Version on the server</source>
        <translation>服务器上的版本</translation>
    </message>
    <message>
        <source>Compare and resolve…</source>
        <translation>比较并解决…</translation>
    </message>
    <message>
        <source>Refresh list</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <source>Your refused values are kept here. Correct them and send, keep the server&apos;s values, or send them again unchanged once what the server objected to is fixed.</source>
        <translation>被拒绝的值保存在这里。您可以更正后发送、保留服务器上的值，或在服务器指出的问题解决后原样重新发送。</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Edit the values the server refused and send them, or keep the server&apos;s</source>
        <translation>编辑被服务器拒绝的值并发送，或保留服务器上的值</translation>
    </message>
    <message>
        <source>A quote or contract was changed on the server and on this computer. Compare both versions and choose, field by field and line by line, what to keep.</source>
        <translation>报价单或合同在服务器和这台电脑上都被修改了。请比较两个版本，逐个字段、逐行选择要保留的内容。</translation>
    </message>
</context>
<context>
    <name>vantage::ui::TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
</TS>
