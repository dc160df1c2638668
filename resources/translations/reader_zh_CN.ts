<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Report Reader</source>
        <translation>关于 Report Reader</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Report Reader %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Report Reader %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Read, compare and annotate China&apos;s Government Work Reports in Simplified and Traditional script.</source>
        <translation>以简体或繁体阅读、对照和批注中国政府工作报告。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>Open Library &amp;Folder</source>
        <translation>打开文库所在文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>高亮所选内容(&amp;H)</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>添加笔记(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Tag…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation>删除批注(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Manage Tags…</source>
        <translation>管理标签(&amp;M)…</translation>
    </message>
    <message>
        <source>Name &amp;Colours…</source>
        <translation>为颜色命名(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Filter Annotations…</source>
        <translation>筛选批注(&amp;F)…</translation>
    </message>
    <message>
        <source>Carry Annotations &amp;From…</source>
        <translation>沿用其他报告的批注(&amp;F)…</translation>
    </message>
    <message>
        <source>Highlight &amp;Colour</source>
        <translation>高亮颜色(&amp;C)</translation>
    </message>
    <message>
        <source>Select a passage first (in either pane).</source>
        <translation>请先在任一窗格中选择一段文字。</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Recolour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Open the report to carry annotations onto first.</source>
        <translation>请先打开要沿用批注的目标报告。</translation>
    </message>
    <message>
        <source>Name Colours</source>
        <translation>为颜色命名</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Name for %s (empty to clear):</source>
        <translation>%s 的名称（留空即清除）：</translation>
    </message>
    <message>
        <source>This annotation is orphaned: its passage is no longer in the document.</source>
        <translation>此批注已失去锚点：所标注的文字已不在文档中。</translation>
    </message>
</context>
<context>
    <name>AnnotationModel</name>
    <message>
        <source>carried from %1</source>
        <translation>沿用自 %1</translation>
    </message>
    <message>
        <source>pp. %1–%2</source>
        <translation>第 %1–%2 页</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>[orphaned] </source>
        <translation>[失去锚点] </translation>
    </message>
    <message>
        <source>Orphaned: its passage is no longer in the document&apos;s text.</source>
        <translation>失去锚点：所标注的文字已不在文档正文中。</translation>
    </message>
</context>
<context>
    <name>AnnotationsDock</name>
    <message>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>当前文档</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <source>By position</source>
        <translation>按位置</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <source>Filter by passage, note or tag (either script)</source>
        <translation>按原文、笔记或标签筛选（简繁皆可）</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>所有颜色</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>%1 of %2 annotations</source>
        <translation>%1 / %2 条批注</translation>
    </message>
    <message>
        <source>[orphaned]</source>
        <translation>[失去锚点]</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>&amp;Back Up Library…</source>
        <translation>备份文库(&amp;B)…</translation>
    </message>
    <message>
        <source>Restore from Bac&amp;kup…</source>
        <translation>从备份恢复(&amp;K)…</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>The library&apos;s folder cannot be written: you can read, search and export, not annotate or import.</source>
        <translation>文库所在文件夹不可写入：可以阅读、搜索和导出，但不能批注或导入。</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Back Up Library</source>
        <translation>备份文库</translation>
    </message>
    <message>
        <source>Report Reader library (*.sqlite3)</source>
        <translation>Report Reader 文库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Backed up the library to %1.</source>
        <translation>文库已备份到 %1。</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Report Reader library (*.sqlite3);;All files (*)</source>
        <translation>Report Reader 文库 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace the library with the backup taken on %1? The library as it is now is kept in its backups folder.</source>
        <translation>用 %1 的备份替换文库吗？当前的文库会保留在备份文件夹中。</translation>
    </message>
    <message>
        <source>Restored the library from the backup taken on %1.</source>
        <translation>已从 %1 的备份恢复文库。</translation>
    </message>
    <message>
        <source>The previous library is kept as %1.</source>
        <translation>原来的文库保留为 %1。</translation>
    </message>
</context>
<context>
    <name>CarryDialog</name>
    <message>
        <source>Carry Annotations From…</source>
        <translation>沿用其他报告的批注…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Passage (earlier report)</source>
        <translation>原文（较早的报告）</translation>
    </message>
    <message>
        <source>In this report</source>
        <translation>本报告中</translation>
    </message>
    <message>
        <source>Carry from:</source>
        <translation>沿用自：</translation>
    </message>
    <message>
        <source>Onto:</source>
        <translation>应用到：</translation>
    </message>
    <message>
        <source>There is no other document in the library to carry annotations from.</source>
        <translation>文库中没有其他文档可供沿用批注。</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有改动</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>删去</translation>
    </message>
    <message>
        <source>(not in this report: not placed)</source>
        <translation>（本报告中没有：不添加）</translation>
    </message>
    <message>
        <source>%1 has no annotations to carry.</source>
        <translation>%1 没有可沿用的批注。</translation>
    </message>
    <message>
        <source>%1 kept, %2 changed, %3 dropped of %4 annotations.</source>
        <translation>共 %4 条批注：%1 条保留，%2 条有改动，%3 条删去。</translation>
    </message>
    <message>
        <source>%1 were carried before and are left as they are.</source>
        <translation>%1 条此前已沿用，保持不变。</translation>
    </message>
    <message>
        <source>Carry %n Annotation(s)</source>
        <translation>沿用 %n 条批注</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>ComparePicker</name>
    <message>
        <source>Compare Documents</source>
        <translation>对照文档</translation>
    </message>
    <message>
        <source>From (left):</source>
        <translation>从（左）：</translation>
    </message>
    <message>
        <source>To (right):</source>
        <translation>到（右）：</translation>
    </message>
</context>
<context>
    <name>CompareTargetsDock</name>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>CompareTermsDock</name>
    <message>
        <source>Terms</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新出现</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>不再出现</translation>
    </message>
    <message>
        <source>Shifting</source>
        <translation>频次变化</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare %1 with %2</source>
        <translation>对照 %1 与 %2</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>下一处改动</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>上一处改动</translation>
    </message>
    <message>
        <source>Ignore Punctuation</source>
        <translation>忽略标点</translation>
    </message>
    <message>
        <source>Ignore Whitespace</source>
        <translation>忽略空白</translation>
    </message>
    <message>
        <source>Ignore Numbers</source>
        <translation>忽略数字</translation>
    </message>
    <message>
        <source>Export Comparison…</source>
        <translation>导出对照结果…</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation>添加笔记…</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>Show in </source>
        <translation>显示为 </translation>
    </message>
    <message>
        <source>the script each is written in</source>
        <translation>各自的原有字形</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在对照…</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>处改动</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>处移动</translation>
    </message>
    <message>
        <source>added</source>
        <translation>段新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>段删去</translation>
    </message>
    <message>
        <source>split</source>
        <translation>处拆分</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>处合并</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 paragraphs the same; %2. Alt+↓ / Alt+↑ step through the changes.</source>
        <translation>%1 段相同；%2。按 Alt+↓ / Alt+↑ 逐处查看改动。</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>没有改动</translation>
    </message>
    <message>
        <source>Could not compare: %1</source>
        <translation>无法对照：%1</translation>
    </message>
    <message>
        <source>Change %1 of %2: %3</source>
        <translation>第 %1 处改动，共 %2 处：%3</translation>
    </message>
    <message>
        <source>The comparison is still running.</source>
        <translation>对照尚未完成。</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>导出对照结果</translation>
    </message>
    <message>
        <source>Markdown (*.md);;Web page (*.html)</source>
        <translation>Markdown (*.md);;网页 (*.html)</translation>
    </message>
    <message>
        <source>Exported the comparison to %1.</source>
        <translation>对照结果已导出到 %1。</translation>
    </message>
    <message>
        <source>Select a passage first (in either pane).</source>
        <translation>请先在任一窗格中选择一段文字。</translation>
    </message>
</context>
<context>
    <name>ConfigCombo</name>
    <message>
        <source>English (bilingual)</source>
        <translation>英文（中英对照）</translation>
    </message>
    <message>
        <source>The official English translation beside each Chinese paragraph</source>
        <translation>每个中文段落旁附官方英译</translation>
    </message>
    <message>
        <source>Other conversions</source>
        <translation>其他转换</translation>
    </message>
    <message>
        <source>with idioms</source>
        <translation>改写用词</translation>
    </message>
    <message>
        <source>Rewrites words, not only characters (鼠标 → 滑鼠): the converted text may use words the document does not.</source>
        <translation>不只转换字形，也改写用词（鼠标 → 滑鼠）：转换后的文字可能出现原文没有的词语。</translation>
    </message>
    <message>
        <source>This conversion rewrites words</source>
        <translation>此转换会改写用词</translation>
    </message>
    <message>
        <source>“%1” replaces words, not only characters. In this document it would write:</source>
        <translation>“%1”不只转换字形，还会替换用词。在本文档中会写成：</translation>
    </message>
    <message>
        <source>The converted pane would then use words the document does not. “%1” converts the same characters and keeps the words.</source>
        <translation>这样转换后的窗格会出现原文没有的词语。“%1”转换同样的字形，但保留原有用词。</translation>
    </message>
    <message>
        <source>Use “%1”</source>
        <translation>使用“%1”</translation>
    </message>
    <message>
        <source>Keep idioms</source>
        <translation>仍改写用词</translation>
    </message>
    <message>
        <source>Don&apos;t show this again</source>
        <translation>不再显示</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;Export Highlights…</source>
        <translation>导出高亮(&amp;E)…</translation>
    </message>
    <message>
        <source>Import &amp;Annotations…</source>
        <translation>导入批注(&amp;A)…</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>复制为 Markdown(&amp;M)</translation>
    </message>
    <message>
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <source>Web Annotation JSON (*.json *.jsonld);;All files (*)</source>
        <translation>Web Annotation JSON (*.json *.jsonld);;所有文件 (*)</translation>
    </message>
    <message>
        <source>These annotations name no document in the library. Which document are they on?</source>
        <translation>这些批注没有指明文库中的任何文档。它们属于哪个文档？</translation>
    </message>
    <message>
        <source>Copied %n annotation(s) as Markdown.</source>
        <translation>已将 %n 条批注复制为 Markdown。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Highlights</source>
        <translation>导出高亮</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>当前文档</translation>
    </message>
    <message>
        <source>The %n documents chosen in the library</source>
        <translation>文库中选定的 %n 个文档</translation>
    </message>
    <message>
        <source>The whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <source>&amp;Documents:</source>
        <translation>文档(&amp;D)：</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>任意颜色</translation>
    </message>
    <message>
        <source>Placed and orphaned</source>
        <translation>已定位和失去锚点的</translation>
    </message>
    <message>
        <source>Only:</source>
        <translation>仅限：</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Made:</source>
        <translation>创建于：</translation>
    </message>
    <message>
        <source>As stored</source>
        <translation>按原样</translation>
    </message>
    <message>
        <source>&amp;Quotes in:</source>
        <translation>引文字形(&amp;Q)：</translation>
    </message>
    <message>
        <source>Add each document&apos;s targets and tasks</source>
        <translation>附上各文档的目标和任务</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>The preview shows the first %1.</source>
        <translation>预览显示前 %1。</translation>
    </message>
    <message>
        <source>(Word layout; the preview shows its text.)</source>
        <translation>（Word 排版；预览仅显示文字。）</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported %1 highlights to %2.</source>
        <translation>已将 %1 处高亮导出到 %2。</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
</context>
<context>
    <name>ExtractionController</name>
    <message>
        <source>Could not extract targets and tasks: %s</source>
        <translation>无法提取目标和任务：%s</translation>
    </message>
    <message>
        <source>Annotate Term “%s”</source>
        <translation>批注术语“%s”</translation>
    </message>
    <message>
        <source>Annotate Target “%s”</source>
        <translation>批注目标“%s”</translation>
    </message>
    <message>
        <source>Annotate Figure “%s”</source>
        <translation>批注数字“%s”</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find (简/繁 alike)</source>
        <translation>查找（简繁通查）</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Reports (*.txt *.md *.pdf *.docx *.html *.htm)</source>
        <translation>报告 (*.txt *.md *.pdf *.docx *.html *.htm)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Web pages (*.html *.htm)</source>
        <translation>网页 (*.html *.htm)</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown)</source>
        <translation>Markdown (*.md *.markdown)</translation>
    </message>
    <message>
        <source>Text files (*.txt *.text)</source>
        <translation>文本文件 (*.txt *.text)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Import reports</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>导入中</translation>
    </message>
    <message>
        <source>Importing %1 of %2: %3</source>
        <translation>正在导入第 %1 个，共 %2 个：%3</translation>
    </message>
    <message>
        <source>Cancelling the import after the file being read…</source>
        <translation>读完当前文件后即取消导入…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was added</source>
        <translation>已取消导入，未添加任何内容</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Import Results</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Title or reason</source>
        <translation>标题或原因</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>已导入 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n 个已在文库中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not imported</source>
        <translation>
            <numerusform>%n 个未导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with warnings</source>
        <translation>
            <numerusform>%n 个有警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Already in the library</source>
        <translation>已在文库中</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>简繁</translation>
    </message>
    <message>
        <source>No year</source>
        <translation>无年份</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>字</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Commentary</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>简体</source>
        <translation>简体</translation>
    </message>
    <message>
        <source>繁體</source>
        <translation>繁体</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>简繁混合</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Report Reader</source>
        <translation>Report Reader</translation>
    </message>
    <message>
        <source>pp. %1–%2</source>
        <translation>第 %1–%2 页</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Remove from Library</source>
        <translation>从文库中移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Font…</source>
        <translation>字体(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Single Pane</source>
        <translation>单栏(&amp;S)</translation>
    </message>
    <message>
        <source>Search &amp;Library…</source>
        <translation>搜索文库(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;About Report Reader</source>
        <translation>关于 Report Reader(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>对照(&amp;C)…</translation>
    </message>
    <message>
        <source>Targets by &amp;Year</source>
        <translation>历年目标(&amp;Y)</translation>
    </message>
    <message>
        <source>Term &amp;Timeline</source>
        <translation>术语时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Targets and &amp;Outcomes</source>
        <translation>目标与完成情况(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Focus Mode</source>
        <translation>专注模式(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Keep &amp;Original</source>
        <translation>保留原文(&amp;O)</translation>
    </message>
    <message>
        <source>Keep &amp;Converted</source>
        <translation>保留转换后的文字(&amp;C)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Convert to </source>
        <translation>转换为 </translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reading Style</source>
        <translation>阅读样式(&amp;R)</translation>
    </message>
    <message>
        <source>Single &amp;Pane</source>
        <translation>单栏(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Highlights</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>%1 · %2 characters</source>
        <translation>%1 · %2 字</translation>
    </message>
    <message>
        <source>The library is empty: import a report (Ctrl+O) or drop a file here.</source>
        <translation>文库是空的：导入一份报告（Ctrl+O），或把文件拖放到这里。</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>移除“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n documents</source>
        <translation>
            <numerusform>移除 %n 个文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n 个文档</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1. Undo with Ctrl+Z.</source>
        <translation>已移除 %1。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Remove “%1” from the library?</source>
        <translation>从文库中移除“%1”吗？</translation>
    </message>
    <message numerus="yes">
        <source>Remove these %n documents from the library?</source>
        <translation>
            <numerusform>从文库中移除这 %n 个文档吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from Library</source>
        <translation>从文库中移除</translation>
    </message>
    <message>
        <source>Its annotations go with it. Edit ▸ Undo (Ctrl+Z) brings everything back.</source>
        <translation>其批注也会一并移除。“编辑 ▸ 撤销”（Ctrl+Z）可全部恢复。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <source>Comparing needs two documents in the library.</source>
        <translation>对照需要文库中有两个文档。</translation>
    </message>
    <message>
        <source>Reader font</source>
        <translation>阅读字体</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>No Chinese font is installed: characters will show as boxes. Install e.g. Noto Sans CJK.</source>
        <translation>未安装中文字体：汉字会显示为方框。请安装中文字体，例如 Noto Sans CJK。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Your note (plain text or Markdown)</source>
        <translation>你的笔记（纯文本或 Markdown）</translation>
    </message>
</context>
<context>
    <name>OutcomesWindow</name>
    <message>
        <source>Targets and Outcomes</source>
        <translation>目标与完成情况</translation>
    </message>
    <message>
        <source>within</source>
        <translation>区间内</translation>
    </message>
    <message>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>unclear</source>
        <translation>不明确</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>No report or summary in the library reviews the year before it (工作回顾).</source>
        <translation>文库中没有回顾上一年工作（工作回顾）的报告或摘要。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>(not in the library)</source>
        <translation>（不在文库中）</translation>
    </message>
    <message>
        <source>The targets of %1 are not in the library.</source>
        <translation>文库中没有 %1 的目标。</translation>
    </message>
    <message>
        <source>The review of %1 gives no figure for this indicator.</source>
        <translation>%1 的工作回顾没有给出此指标的数字。</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>左右 and a bare figure: within 0.25 point for a rate, 5% for a quantity; a range: its bounds.</source>
        <translation>“左右”和单一数字：比率上下 0.25 个百分点、数量上下 5% 以内；区间：以其上下限为准。</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Charts as PNG image (*.png)</source>
        <translation>图表（PNG 图片）(*.png)</translation>
    </message>
    <message>
        <source>Export Targets and Outcomes</source>
        <translation>导出目标与完成情况</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Report Reader</source>
        <translation>Report Reader</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>The official English translation, beside each Chinese paragraph</source>
        <translation>官方英译，与每个中文段落并排</translation>
    </message>
</context>
<context>
    <name>ReadingStyleMenu</name>
    <message>
        <source>&amp;Sans Serif</source>
        <translation>黑体(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;erif</source>
        <translation>宋体(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>无(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quarter Line</source>
        <translation>四分之一行(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Half Line</source>
        <translation>半行(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;One Line</source>
        <translation>一行(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Font by Script</source>
        <translation>按简繁选用字体(&amp;F)</translation>
    </message>
    <message>
        <source>Forget the font chosen with Font…: each pane uses its script&apos;s font</source>
        <translation>不再使用“字体…”中选定的字体：各窗格使用与其简繁相应的字体</translation>
    </message>
    <message>
        <source>&amp;Single</source>
        <translation>单倍行距(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Double</source>
        <translation>双倍行距(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Line Spacing</source>
        <translation>行距(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Paragraph Spacing</source>
        <translation>段间距(&amp;P)</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <source>Search Library</source>
        <translation>搜索文库</translation>
    </message>
    <message>
        <source>Search documents and annotations (either script)</source>
        <translation>搜索文档和批注（简繁皆可）</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Preparing search: %1 of %2 documents and annotations indexed…</source>
        <translation>正在准备搜索：已索引 %1 / %2 个文档和批注…</translation>
    </message>
    <message>
        <source>%1 results in %2 documents for “%3”</source>
        <translation>“%3”：%2 个文档中共 %1 个结果</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>Manage Tags</source>
        <translation>管理标签</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Merge Selected…</source>
        <translation>合并所选(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>New name for “%s”:</source>
        <translation>“%s”的新名称：</translation>
    </message>
    <message>
        <source>Merge Tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Merge into:</source>
        <translation>合并到：</translation>
    </message>
    <message>
        <source>Delete Tags</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Remove %s from every annotation? (Edit ▸ Undo brings it back.)</source>
        <translation>从所有批注中移除 %s 吗？（“编辑 ▸ 撤销”可恢复。）</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags, separated by commas:</source>
        <translation>标签，以逗号分隔：</translation>
    </message>
</context>
<context>
    <name>TargetsDock</name>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>No main-targets sentence (主要预期目标) in this document.</source>
        <translation>本文档中没有“主要预期目标”一句。</translation>
    </message>
</context>
<context>
    <name>TasksDock</name>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>No tasks section (政府工作任务) or numbered task summary in this document.</source>
        <translation>本文档中没有“政府工作任务”部分，也没有编号的任务概要。</translation>
    </message>
</context>
<context>
    <name>TimelineWindow</name>
    <message>
        <source>Term Timeline</source>
        <translation>术语时间线</translation>
    </message>
    <message>
        <source>Terms, separated by commas or spaces (高质量发展, 新质生产力)</source>
        <translation>术语，以逗号或空格分隔（高质量发展，新质生产力）</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Count</source>
        <translation>次数(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Per 10,000 characters</source>
        <translation>每万字(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>折线图(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Bars</source>
        <translation>柱状图(&amp;B)</translation>
    </message>
    <message>
        <source>Click a year in the chart to list its passages.</source>
        <translation>点击图表中的年份，列出当年的相关段落。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>per 10,000 characters</source>
        <translation>每万字</translation>
    </message>
    <message>
        <source>occurrences</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>No report with a year in the library (summaries and commentaries are not counted).</source>
        <translation>文库中没有标明年份的报告（摘要和评论不计入）。</translation>
    </message>
    <message>
        <source>%1: in no report.</source>
        <translation>%1：没有出现在任何报告中。</translation>
    </message>
    <message>
        <source>%1: %2 times, first %3, last %4.</source>
        <translation>%1：共 %2 次，首见于 %3 年，最后见于 %4 年。</translation>
    </message>
    <message>
        <source>Click to open it in “%1”.</source>
        <translation>点击即在“%1”中打开。</translation>
    </message>
    <message>
        <source>%1: %2 passages with %3 — click one to open it.</source>
        <translation>%1：%2 段含有 %3，点击即可打开。</translation>
    </message>
    <message>
        <source>%1: no passage with %2.</source>
        <translation>%1：没有含 %2 的段落。</translation>
    </message>
    <message>
        <source>%1 is the library&apos;s first year: nothing to measure new words against.</source>
        <translation>%1 年是文库中最早的年份：没有可比较新词的前一年。</translation>
    </message>
    <message>
        <source>New in %1: finding…</source>
        <translation>%1 年新词：查找中…</translation>
    </message>
    <message>
        <source>New in %1: %2</source>
        <translation>%1 年新词：%2</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>PNG image of the chart (*.png)</source>
        <translation>图表的 PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export Term Timeline</source>
        <translation>导出术语时间线</translation>
    </message>
    <message>
        <source>Could not write the image to %1</source>
        <translation>无法将图片写入 %1</translation>
    </message>
</context>
<context>
    <name>YearsWindow</name>
    <message>
        <source>Targets by Year</source>
        <translation>历年目标</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>上调</translation>
    </message>
    <message>
        <source>lowered</source>
        <translation>下调</translation>
    </message>
    <message>
        <source>same</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>删去</translation>
    </message>
    <message>
        <source>reworded</source>
        <translation>措辞调整</translation>
    </message>
    <message>
        <source>No report or summary in the library states its main targets (主要预期目标).</source>
        <translation>文库中没有列出主要预期目标的报告或摘要。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>(conflict)</source>
        <translation>（冲突）</translation>
    </message>
    <message>
        <source>%1: %2 is no longer among the targets (%3 in %4).</source>
        <translation>%1：%2 已不在目标之列（%4 年为 %3）。</translation>
    </message>
    <message>
        <source>%1: the documents of this year differ — %2.</source>
        <translation>%1：本年度的文档说法不一——%2。</translation>
    </message>
    <message>
        <source>%1: %2 — from “%3”.</source>
        <translation>%1：%2——出自“%3”。</translation>
    </message>
    <message>
        <source>New this year.</source>
        <translation>今年新增。</translation>
    </message>
    <message>
        <source>The same as in %1.</source>
        <translation>与 %1 年相同。</translation>
    </message>
    <message>
        <source>%1 against %2 in %3.</source>
        <translation>%1，%3 年为 %2。</translation>
    </message>
    <message>
        <source>documents differ</source>
        <translation>文档说法不一</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>Export Targets by Year</source>
        <translation>导出历年目标</translation>
    </message>
</context>
<context>
    <name>_ResultDock</name>
    <message>
        <source>Annotate</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
</context>
<context>
    <name>annotation_commands</name>
    <message>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Delete %n annotation(s)</source>
        <translation>删除 %n 条批注</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Report Reader</source>
        <translation>Report Reader</translation>
    </message>
</context>
<context>
    <name>carry_commands</name>
    <message>
        <source>Carry Annotations</source>
        <translation>沿用批注</translation>
    </message>
</context>
<context>
    <name>colors</name>
    <message>
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>紫色</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>1 highlight</source>
        <translation>1 处高亮</translation>
    </message>
    <message>
        <source>%1 highlights</source>
        <translation>%1 处高亮</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>1 个文档</translation>
    </message>
    <message>
        <source>%1 documents</source>
        <translation>%1 个文档</translation>
    </message>
    <message>
        <source>%1 from %2.</source>
        <translation>%1，来自 %2。</translation>
    </message>
</context>
<context>
    <name>highlights</name>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Show or hide the %s highlights</source>
        <translation>显示或隐藏%s高亮</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>Report Reader will show this language the next time it starts.</source>
        <translation>Report Reader 下次启动时将以简体中文显示。</translation>
    </message>
</context>
<context>
    <name>library_commands</name>
    <message>
        <source>Remove “%s”</source>
        <translation>移除“%s”</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
</context>
</TS>
