<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Report Reader</source>
        <translation>關於 Report Reader</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Report Reader %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Report Reader %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Read, compare and annotate China&apos;s Government Work Reports in Simplified and Traditional script.</source>
        <translation>以簡體或繁體閱讀、對照與註解中國政府工作報告。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文庫</translation>
    </message>
    <message>
        <source>Open Library &amp;Folder</source>
        <translation>開啟文庫所在資料夾(&amp;F)</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>醒目提示所選內容(&amp;H)</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>新增筆記(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Tag…</source>
        <translation>標籤(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation>刪除註解(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Manage Tags…</source>
        <translation>管理標籤(&amp;M)…</translation>
    </message>
    <message>
        <source>Name &amp;Colours…</source>
        <translation>為顏色命名(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Filter Annotations…</source>
        <translation>篩選註解(&amp;F)…</translation>
    </message>
    <message>
        <source>Carry Annotations &amp;From…</source>
        <translation>沿用其他報告的註解(&amp;F)…</translation>
    </message>
    <message>
        <source>Highlight &amp;Colour</source>
        <translation>醒目提示色彩(&amp;C)</translation>
    </message>
    <message>
        <source>Select a passage first (in either pane).</source>
        <translation>請先在任一窗格中選取一段文字。</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>編輯筆記</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Recolour</source>
        <translation>變更色彩</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>重新命名標籤</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>刪除標籤</translation>
    </message>
    <message>
        <source>Open the report to carry annotations onto first.</source>
        <translation>請先開啟要沿用註解的目標報告。</translation>
    </message>
    <message>
        <source>Name Colours</source>
        <translation>為顏色命名</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>色彩：</translation>
    </message>
    <message>
        <source>Name for %s (empty to clear):</source>
        <translation>%s 的名稱（留空即清除）：</translation>
    </message>
    <message>
        <source>This annotation is orphaned: its passage is no longer in the document.</source>
        <translation>此註解已失去錨點：所標註的文字已不在文件中。</translation>
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
        <translation>第 %1–%2 頁</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第 %1 頁</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>[orphaned] </source>
        <translation>[失去錨點] </translation>
    </message>
    <message>
        <source>Orphaned: its passage is no longer in the document&apos;s text.</source>
        <translation>失去錨點：所標註的文字已不在文件內文中。</translation>
    </message>
</context>
<context>
    <name>AnnotationsDock</name>
    <message>
        <source>Annotations</source>
        <translation>註解</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>目前文件</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>整個文庫</translation>
    </message>
    <message>
        <source>By position</source>
        <translation>依位置</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>Filter by passage, note or tag (either script)</source>
        <translation>依原文、筆記或標籤篩選（簡繁皆可）</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>所有色彩</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有標籤</translation>
    </message>
    <message>
        <source>%1 of %2 annotations</source>
        <translation>%1 / %2 則註解</translation>
    </message>
    <message>
        <source>[orphaned]</source>
        <translation>[失去錨點]</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>&amp;Back Up Library…</source>
        <translation>備份文庫(&amp;B)…</translation>
    </message>
    <message>
        <source>Restore from Bac&amp;kup…</source>
        <translation>從備份還原(&amp;K)…</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>唯讀</translation>
    </message>
    <message>
        <source>The library&apos;s folder cannot be written: you can read, search and export, not annotate or import.</source>
        <translation>文庫所在資料夾無法寫入：可以閱讀、搜尋與匯出，但無法註解或匯入。</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>（唯讀）</translation>
    </message>
    <message>
        <source>Back Up Library</source>
        <translation>備份文庫</translation>
    </message>
    <message>
        <source>Report Reader library (*.sqlite3)</source>
        <translation>Report Reader 文庫 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Backed up the library to %1.</source>
        <translation>文庫已備份至 %1。</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>從備份還原</translation>
    </message>
    <message>
        <source>Report Reader library (*.sqlite3);;All files (*)</source>
        <translation>Report Reader 文庫 (*.sqlite3);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Replace the library with the backup taken on %1? The library as it is now is kept in its backups folder.</source>
        <translation>要以 %1 的備份取代文庫嗎？目前的文庫會保留在備份資料夾中。</translation>
    </message>
    <message>
        <source>Restored the library from the backup taken on %1.</source>
        <translation>已從 %1 的備份還原文庫。</translation>
    </message>
    <message>
        <source>The previous library is kept as %1.</source>
        <translation>原本的文庫保留為 %1。</translation>
    </message>
</context>
<context>
    <name>CarryDialog</name>
    <message>
        <source>Carry Annotations From…</source>
        <translation>沿用其他報告的註解…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Passage (earlier report)</source>
        <translation>原文（較早的報告）</translation>
    </message>
    <message>
        <source>In this report</source>
        <translation>本報告中</translation>
    </message>
    <message>
        <source>Carry from:</source>
        <translation>沿用自：</translation>
    </message>
    <message>
        <source>Onto:</source>
        <translation>套用至：</translation>
    </message>
    <message>
        <source>There is no other document in the library to carry annotations from.</source>
        <translation>文庫中沒有其他文件可供沿用註解。</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有變動</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>刪去</translation>
    </message>
    <message>
        <source>(not in this report: not placed)</source>
        <translation>（本報告中沒有：不加入）</translation>
    </message>
    <message>
        <source>%1 has no annotations to carry.</source>
        <translation>%1 沒有可沿用的註解。</translation>
    </message>
    <message>
        <source>%1 kept, %2 changed, %3 dropped of %4 annotations.</source>
        <translation>共 %4 則註解：%1 則保留，%2 則有變動，%3 則刪去。</translation>
    </message>
    <message>
        <source>%1 were carried before and are left as they are.</source>
        <translation>%1 則先前已沿用，維持不變。</translation>
    </message>
    <message>
        <source>Carry %n Annotation(s)</source>
        <translation>沿用 %n 則註解</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>套用</translation>
    </message>
</context>
<context>
    <name>ComparePicker</name>
    <message>
        <source>Compare Documents</source>
        <translation>對照文件</translation>
    </message>
    <message>
        <source>From (left):</source>
        <translation>從（左）：</translation>
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
        <translation>目標</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指標</translation>
    </message>
</context>
<context>
    <name>CompareTermsDock</name>
    <message>
        <source>Terms</source>
        <translation>術語</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>術語</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新出現</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>不再出現</translation>
    </message>
    <message>
        <source>Shifting</source>
        <translation>頻次變化</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare %1 with %2</source>
        <translation>對照 %1 與 %2</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>下一處變動</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>上一處變動</translation>
    </message>
    <message>
        <source>Ignore Punctuation</source>
        <translation>忽略標點</translation>
    </message>
    <message>
        <source>Ignore Whitespace</source>
        <translation>忽略空白</translation>
    </message>
    <message>
        <source>Ignore Numbers</source>
        <translation>忽略數字</translation>
    </message>
    <message>
        <source>Export Comparison…</source>
        <translation>匯出對照結果…</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>醒目提示</translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation>新增筆記…</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>標籤…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>對照</translation>
    </message>
    <message>
        <source>Show in </source>
        <translation>顯示為 </translation>
    </message>
    <message>
        <source>the script each is written in</source>
        <translation>各自原本的字體</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在對照…</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>處改動</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>處移動</translation>
    </message>
    <message>
        <source>added</source>
        <translation>段新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>段刪去</translation>
    </message>
    <message>
        <source>split</source>
        <translation>處拆分</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>處合併</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 paragraphs the same; %2. Alt+↓ / Alt+↑ step through the changes.</source>
        <translation>%1 段相同；%2。按 Alt+↓ / Alt+↑ 逐處檢視變動。</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>沒有變動</translation>
    </message>
    <message>
        <source>Could not compare: %1</source>
        <translation>無法對照：%1</translation>
    </message>
    <message>
        <source>Change %1 of %2: %3</source>
        <translation>第 %1 處變動，共 %2 處：%3</translation>
    </message>
    <message>
        <source>The comparison is still running.</source>
        <translation>對照尚未完成。</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>匯出對照結果</translation>
    </message>
    <message>
        <source>Markdown (*.md);;Web page (*.html)</source>
        <translation>Markdown (*.md);;網頁 (*.html)</translation>
    </message>
    <message>
        <source>Exported the comparison to %1.</source>
        <translation>對照結果已匯出至 %1。</translation>
    </message>
    <message>
        <source>Select a passage first (in either pane).</source>
        <translation>請先在任一窗格中選取一段文字。</translation>
    </message>
</context>
<context>
    <name>ConfigCombo</name>
    <message>
        <source>English (bilingual)</source>
        <translation>英文（中英對照）</translation>
    </message>
    <message>
        <source>The official English translation beside each Chinese paragraph</source>
        <translation>每個中文段落旁附官方英譯</translation>
    </message>
    <message>
        <source>Other conversions</source>
        <translation>其他轉換</translation>
    </message>
    <message>
        <source>with idioms</source>
        <translation>改寫用詞</translation>
    </message>
    <message>
        <source>Rewrites words, not only characters (鼠标 → 滑鼠): the converted text may use words the document does not.</source>
        <translation>不只轉換字形，也改寫用詞（鼠标 → 滑鼠）：轉換後的文字可能出現原文沒有的詞語。</translation>
    </message>
    <message>
        <source>This conversion rewrites words</source>
        <translation>此轉換會改寫用詞</translation>
    </message>
    <message>
        <source>“%1” replaces words, not only characters. In this document it would write:</source>
        <translation>「%1」不只轉換字形，還會替換用詞。在本文件中會寫成：</translation>
    </message>
    <message>
        <source>The converted pane would then use words the document does not. “%1” converts the same characters and keeps the words.</source>
        <translation>這樣轉換後的窗格會出現原文沒有的詞語。「%1」轉換同樣的字形，但保留原有用詞。</translation>
    </message>
    <message>
        <source>Use “%1”</source>
        <translation>使用「%1」</translation>
    </message>
    <message>
        <source>Keep idioms</source>
        <translation>仍改寫用詞</translation>
    </message>
    <message>
        <source>Don&apos;t show this again</source>
        <translation>不再顯示</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;Export Highlights…</source>
        <translation>匯出醒目提示(&amp;E)…</translation>
    </message>
    <message>
        <source>Import &amp;Annotations…</source>
        <translation>匯入註解(&amp;A)…</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>複製為 Markdown(&amp;M)</translation>
    </message>
    <message>
        <source>Import Annotations</source>
        <translation>匯入註解</translation>
    </message>
    <message>
        <source>Web Annotation JSON (*.json *.jsonld);;All files (*)</source>
        <translation>Web Annotation JSON (*.json *.jsonld);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>These annotations name no document in the library. Which document are they on?</source>
        <translation>這些註解沒有指明文庫中的任何文件。它們屬於哪一份文件？</translation>
    </message>
    <message>
        <source>Copied %n annotation(s) as Markdown.</source>
        <translation>已將 %n 則註解複製為 Markdown。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Highlights</source>
        <translation>匯出醒目提示</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>目前文件</translation>
    </message>
    <message>
        <source>The %n documents chosen in the library</source>
        <translation>文庫中選取的 %n 份文件</translation>
    </message>
    <message>
        <source>The whole library</source>
        <translation>整個文庫</translation>
    </message>
    <message>
        <source>&amp;Documents:</source>
        <translation>文件(&amp;D)：</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任何標籤</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>任何色彩</translation>
    </message>
    <message>
        <source>Placed and orphaned</source>
        <translation>已定位與失去錨點的</translation>
    </message>
    <message>
        <source>Only:</source>
        <translation>僅限：</translation>
    </message>
    <message>
        <source>from</source>
        <translation>從</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Made:</source>
        <translation>建立於：</translation>
    </message>
    <message>
        <source>As stored</source>
        <translation>依原樣</translation>
    </message>
    <message>
        <source>&amp;Quotes in:</source>
        <translation>引文字體(&amp;Q)：</translation>
    </message>
    <message>
        <source>Add each document&apos;s targets and tasks</source>
        <translation>附上各文件的目標與任務</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>The preview shows the first %1.</source>
        <translation>預覽顯示前 %1。</translation>
    </message>
    <message>
        <source>(Word layout; the preview shows its text.)</source>
        <translation>（Word 版面；預覽僅顯示文字。）</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>醒目提示</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <source>Exported %1 highlights to %2.</source>
        <translation>已將 %1 處醒目提示匯出至 %2。</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>無法匯出：%1</translation>
    </message>
</context>
<context>
    <name>ExtractionController</name>
    <message>
        <source>Could not extract targets and tasks: %s</source>
        <translation>無法擷取目標與任務：%s</translation>
    </message>
    <message>
        <source>Annotate Term “%s”</source>
        <translation>註解術語「%s」</translation>
    </message>
    <message>
        <source>Annotate Target “%s”</source>
        <translation>註解目標「%s」</translation>
    </message>
    <message>
        <source>Annotate Figure “%s”</source>
        <translation>註解數字「%s」</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find (简/繁 alike)</source>
        <translation>尋找（簡繁通查）</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一個相符項目（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一個相符項目（Enter）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>尋找：</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>無相符項目</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Reports (*.txt *.md *.pdf *.docx *.html *.htm)</source>
        <translation>報告 (*.txt *.md *.pdf *.docx *.html *.htm)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文件 (*.docx)</translation>
    </message>
    <message>
        <source>Web pages (*.html *.htm)</source>
        <translation>網頁 (*.html *.htm)</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown)</source>
        <translation>Markdown (*.md *.markdown)</translation>
    </message>
    <message>
        <source>Text files (*.txt *.text)</source>
        <translation>純文字檔 (*.txt *.text)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import reports</source>
        <translation>匯入報告</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>匯入中</translation>
    </message>
    <message>
        <source>Importing %1 of %2: %3</source>
        <translation>正在匯入第 %1 個，共 %2 個：%3</translation>
    </message>
    <message>
        <source>Cancelling the import after the file being read…</source>
        <translation>讀完目前的檔案後即取消匯入…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was added</source>
        <translation>已取消匯入，未加入任何內容</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Import Results</source>
        <translation>匯入結果</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Title or reason</source>
        <translation>標題或原因</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>已匯入 %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n 個已在文庫中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not imported</source>
        <translation>
            <numerusform>%n 個未匯入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with warnings</source>
        <translation>
            <numerusform>%n 個有警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已匯入</translation>
    </message>
    <message>
        <source>Already in the library</source>
        <translation>已在文庫中</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未匯入</translation>
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
        <translation>文庫</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>簡繁</translation>
    </message>
    <message>
        <source>No year</source>
        <translation>無年份</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>字</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>報告</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Commentary</source>
        <translation>評論</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>简体</source>
        <translation>簡體</translation>
    </message>
    <message>
        <source>繁體</source>
        <translation>繁體</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>簡繁混合</translation>
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
        <translation>第 %1–%2 頁</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第 %1 頁</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Remove from Library</source>
        <translation>從文庫中移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>尋找下一個(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>尋找上一個(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>實際大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Font…</source>
        <translation>字型(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Single Pane</source>
        <translation>單欄(&amp;S)</translation>
    </message>
    <message>
        <source>Search &amp;Library…</source>
        <translation>搜尋文庫(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;About Report Reader</source>
        <translation>關於 Report Reader(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>對照(&amp;C)…</translation>
    </message>
    <message>
        <source>Targets by &amp;Year</source>
        <translation>歷年目標(&amp;Y)</translation>
    </message>
    <message>
        <source>Term &amp;Timeline</source>
        <translation>術語時間軸(&amp;T)</translation>
    </message>
    <message>
        <source>Targets and &amp;Outcomes</source>
        <translation>目標與達成情況(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Focus Mode</source>
        <translation>專注模式(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重設版面配置(&amp;R)</translation>
    </message>
    <message>
        <source>Keep &amp;Original</source>
        <translation>保留原文(&amp;O)</translation>
    </message>
    <message>
        <source>Keep &amp;Converted</source>
        <translation>保留轉換後的文字(&amp;C)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>跟隨系統(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>淺色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟隨系統(&amp;S)</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>閱讀</translation>
    </message>
    <message>
        <source>Convert to </source>
        <translation>轉換為 </translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>醒目提示</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>註解(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reading Style</source>
        <translation>閱讀樣式(&amp;R)</translation>
    </message>
    <message>
        <source>Single &amp;Pane</source>
        <translation>單欄(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>佈景主題(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Highlights</source>
        <translation>醒目提示(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>%1 · %2 characters</source>
        <translation>%1 · %2 字</translation>
    </message>
    <message>
        <source>The library is empty: import a report (Ctrl+O) or drop a file here.</source>
        <translation>文庫是空的：匯入一份報告（Ctrl+O），或將檔案拖放到這裡。</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>移除「%1」</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n documents</source>
        <translation>
            <numerusform>移除 %n 份文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n 份文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1. Undo with Ctrl+Z.</source>
        <translation>已移除 %1。按 Ctrl+Z 可復原。</translation>
    </message>
    <message>
        <source>Remove “%1” from the library?</source>
        <translation>要從文庫中移除「%1」嗎？</translation>
    </message>
    <message numerus="yes">
        <source>Remove these %n documents from the library?</source>
        <translation>
            <numerusform>要從文庫中移除這 %n 份文件嗎？</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from Library</source>
        <translation>從文庫中移除</translation>
    </message>
    <message>
        <source>Its annotations go with it. Edit ▸ Undo (Ctrl+Z) brings everything back.</source>
        <translation>其註解也會一併移除。「編輯 ▸ 復原」（Ctrl+Z）可全部還原。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>不再詢問</translation>
    </message>
    <message>
        <source>Comparing needs two documents in the library.</source>
        <translation>對照需要文庫中有兩份文件。</translation>
    </message>
    <message>
        <source>Reader font</source>
        <translation>閱讀字型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>No Chinese font is installed: characters will show as boxes. Install e.g. Noto Sans CJK.</source>
        <translation>未安裝中文字型：漢字會顯示為方框。請安裝中文字型，例如 Noto Sans CJK。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>Your note (plain text or Markdown)</source>
        <translation>你的筆記（純文字或 Markdown）</translation>
    </message>
</context>
<context>
    <name>OutcomesWindow</name>
    <message>
        <source>Targets and Outcomes</source>
        <translation>目標與達成情況</translation>
    </message>
    <message>
        <source>within</source>
        <translation>區間內</translation>
    </message>
    <message>
        <source>above</source>
        <translation>高於</translation>
    </message>
    <message>
        <source>below</source>
        <translation>低於</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已達成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未達成</translation>
    </message>
    <message>
        <source>unclear</source>
        <translation>不明確</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>達成情況</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>評估</translation>
    </message>
    <message>
        <source>No report or summary in the library reviews the year before it (工作回顾).</source>
        <translation>文庫中沒有回顧上一年工作（工作回顧）的報告或摘要。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>(not in the library)</source>
        <translation>（不在文庫中）</translation>
    </message>
    <message>
        <source>The targets of %1 are not in the library.</source>
        <translation>文庫中沒有 %1 的目標。</translation>
    </message>
    <message>
        <source>The review of %1 gives no figure for this indicator.</source>
        <translation>%1 的工作回顧沒有提供此指標的數字。</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>實際</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>左右 and a bare figure: within 0.25 point for a rate, 5% for a quantity; a range: its bounds.</source>
        <translation>「左右」與單一數字：比率上下 0.25 個百分點、數量上下 5% 以內；區間：以其上下限為準。</translation>
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
        <translation>圖表（PNG 圖片）(*.png)</translation>
    </message>
    <message>
        <source>Export Targets and Outcomes</source>
        <translation>匯出目標與達成情況</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>無法寫入 %1。</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <source>Outline</source>
        <translation>大綱</translation>
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
        <translation>官方英譯，與每個中文段落並排</translation>
    </message>
</context>
<context>
    <name>ReadingStyleMenu</name>
    <message>
        <source>&amp;Sans Serif</source>
        <translation>黑體(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;erif</source>
        <translation>明體(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>無(&amp;N)</translation>
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
        <translation>依簡繁選用字型(&amp;F)</translation>
    </message>
    <message>
        <source>Forget the font chosen with Font…: each pane uses its script&apos;s font</source>
        <translation>不再使用「字型…」中選定的字型：各窗格使用與其簡繁相應的字型</translation>
    </message>
    <message>
        <source>&amp;Single</source>
        <translation>單倍行距(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Double</source>
        <translation>雙倍行距(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Line Spacing</source>
        <translation>行距(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Paragraph Spacing</source>
        <translation>段落間距(&amp;P)</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <source>Search Library</source>
        <translation>搜尋文庫</translation>
    </message>
    <message>
        <source>Search documents and annotations (either script)</source>
        <translation>搜尋文件與註解（簡繁皆可）</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message>
        <source>Preparing search: %1 of %2 documents and annotations indexed…</source>
        <translation>正在準備搜尋：已建立索引 %1 / %2 個文件與註解…</translation>
    </message>
    <message>
        <source>%1 results in %2 documents for “%3”</source>
        <translation>「%3」：%2 份文件中共 %1 筆結果</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>找不到「%1」。</translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>Manage Tags</source>
        <translation>管理標籤</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重新命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Merge Selected…</source>
        <translation>合併所選(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>重新命名標籤</translation>
    </message>
    <message>
        <source>New name for “%s”:</source>
        <translation>「%s」的新名稱：</translation>
    </message>
    <message>
        <source>Merge Tags</source>
        <translation>合併標籤</translation>
    </message>
    <message>
        <source>Merge into:</source>
        <translation>合併至：</translation>
    </message>
    <message>
        <source>Delete Tags</source>
        <translation>刪除標籤</translation>
    </message>
    <message>
        <source>Remove %s from every annotation? (Edit ▸ Undo brings it back.)</source>
        <translation>要從所有註解中移除 %s 嗎？（「編輯 ▸ 復原」可還原。）</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Tags, separated by commas:</source>
        <translation>標籤，以逗號分隔：</translation>
    </message>
</context>
<context>
    <name>TargetsDock</name>
    <message>
        <source>Targets</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定詞</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>No main-targets sentence (主要预期目标) in this document.</source>
        <translation>本文件中沒有「主要預期目標」一句。</translation>
    </message>
</context>
<context>
    <name>TasksDock</name>
    <message>
        <source>Tasks</source>
        <translation>任務</translation>
    </message>
    <message>
        <source>No tasks section (政府工作任务) or numbered task summary in this document.</source>
        <translation>本文件中沒有「政府工作任務」部分，也沒有編號的任務摘要。</translation>
    </message>
</context>
<context>
    <name>TimelineWindow</name>
    <message>
        <source>Term Timeline</source>
        <translation>術語時間軸</translation>
    </message>
    <message>
        <source>Terms, separated by commas or spaces (高质量发展, 新质生产力)</source>
        <translation>術語，以逗號或空格分隔（高質量發展，新質生產力）</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>顯示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Count</source>
        <translation>次數(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Per 10,000 characters</source>
        <translation>每萬字(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>折線圖(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Bars</source>
        <translation>長條圖(&amp;B)</translation>
    </message>
    <message>
        <source>Click a year in the chart to list its passages.</source>
        <translation>點按圖表中的年份，列出當年的相關段落。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>per 10,000 characters</source>
        <translation>每萬字</translation>
    </message>
    <message>
        <source>occurrences</source>
        <translation>次數</translation>
    </message>
    <message>
        <source>No report with a year in the library (summaries and commentaries are not counted).</source>
        <translation>文庫中沒有標明年份的報告（摘要與評論不計入）。</translation>
    </message>
    <message>
        <source>%1: in no report.</source>
        <translation>%1：未出現在任何報告中。</translation>
    </message>
    <message>
        <source>%1: %2 times, first %3, last %4.</source>
        <translation>%1：共 %2 次，首見於 %3 年，最後見於 %4 年。</translation>
    </message>
    <message>
        <source>Click to open it in “%1”.</source>
        <translation>點按即在「%1」中開啟。</translation>
    </message>
    <message>
        <source>%1: %2 passages with %3 — click one to open it.</source>
        <translation>%1：%2 段含有 %3，點按即可開啟。</translation>
    </message>
    <message>
        <source>%1: no passage with %2.</source>
        <translation>%1：沒有含 %2 的段落。</translation>
    </message>
    <message>
        <source>%1 is the library&apos;s first year: nothing to measure new words against.</source>
        <translation>%1 年是文庫中最早的年份：沒有可比較新詞的前一年。</translation>
    </message>
    <message>
        <source>New in %1: finding…</source>
        <translation>%1 年新詞：尋找中…</translation>
    </message>
    <message>
        <source>New in %1: %2</source>
        <translation>%1 年新詞：%2</translation>
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
        <translation>圖表的 PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <source>Export Term Timeline</source>
        <translation>匯出術語時間軸</translation>
    </message>
    <message>
        <source>Could not write the image to %1</source>
        <translation>無法將圖片寫入 %1</translation>
    </message>
</context>
<context>
    <name>YearsWindow</name>
    <message>
        <source>Targets by Year</source>
        <translation>歷年目標</translation>
    </message>
    <message>
        <source>raised</source>
        <translation>調高</translation>
    </message>
    <message>
        <source>lowered</source>
        <translation>調低</translation>
    </message>
    <message>
        <source>same</source>
        <translation>不變</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>刪去</translation>
    </message>
    <message>
        <source>reworded</source>
        <translation>措辭調整</translation>
    </message>
    <message>
        <source>No report or summary in the library states its main targets (主要预期目标).</source>
        <translation>文庫中沒有列出主要預期目標的報告或摘要。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>(conflict)</source>
        <translation>（衝突）</translation>
    </message>
    <message>
        <source>%1: %2 is no longer among the targets (%3 in %4).</source>
        <translation>%1：%2 已不在目標之列（%4 年為 %3）。</translation>
    </message>
    <message>
        <source>%1: the documents of this year differ — %2.</source>
        <translation>%1：本年度的文件說法不一——%2。</translation>
    </message>
    <message>
        <source>%1: %2 — from “%3”.</source>
        <translation>%1：%2——出自「%3」。</translation>
    </message>
    <message>
        <source>New this year.</source>
        <translation>今年新增。</translation>
    </message>
    <message>
        <source>The same as in %1.</source>
        <translation>與 %1 年相同。</translation>
    </message>
    <message>
        <source>%1 against %2 in %3.</source>
        <translation>%1，%3 年為 %2。</translation>
    </message>
    <message>
        <source>documents differ</source>
        <translation>文件說法不一</translation>
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
        <translation>網頁 (*.html)</translation>
    </message>
    <message>
        <source>Export Targets by Year</source>
        <translation>匯出歷年目標</translation>
    </message>
</context>
<context>
    <name>_ResultDock</name>
    <message>
        <source>Annotate</source>
        <translation>註解</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在尋找…</translation>
    </message>
</context>
<context>
    <name>annotation_commands</name>
    <message>
        <source>Highlight</source>
        <translation>醒目提示</translation>
    </message>
    <message>
        <source>Delete %n annotation(s)</source>
        <translation>刪除 %n 則註解</translation>
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
        <translation>沿用註解</translation>
    </message>
</context>
<context>
    <name>colors</name>
    <message>
        <source>yellow</source>
        <translation>黃色</translation>
    </message>
    <message>
        <source>red</source>
        <translation>紅色</translation>
    </message>
    <message>
        <source>green</source>
        <translation>綠色</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>藍色</translation>
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
        <translation>1 處醒目提示</translation>
    </message>
    <message>
        <source>%1 highlights</source>
        <translation>%1 處醒目提示</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>1 份文件</translation>
    </message>
    <message>
        <source>%1 documents</source>
        <translation>%1 份文件</translation>
    </message>
    <message>
        <source>%1 from %2.</source>
        <translation>%1，來自 %2。</translation>
    </message>
</context>
<context>
    <name>highlights</name>
    <message>
        <source>Targets</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任務</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>數字</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>術語</translation>
    </message>
    <message>
        <source>Show or hide the %s highlights</source>
        <translation>顯示或隱藏%s醒目提示</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>Report Reader will show this language the next time it starts.</source>
        <translation>Report Reader 下次啟動時將以繁體中文顯示。</translation>
    </message>
</context>
<context>
    <name>library_commands</name>
    <message>
        <source>Remove “%s”</source>
        <translation>移除「%s」</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>匯入文件</translation>
    </message>
</context>
</TS>
