<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Advice</name>
    <message>
        <source>Apply “{suggestion}”</source>
        <translation>采纳“{suggestion}”</translation>
    </message>
    <message>
        <source>Not placed; kept at the end of the summary: {text}</source>
        <translation>未能归入任何部分，已保留在职位概述末尾：{text}</translation>
    </message>
    <message>
        <source>The posting advice could not be computed ({kind}); your posting is unaffected. Please report this.</source>
        <translation>无法生成撰写建议（{kind}）；您的招聘启事不受影响。请报告此问题。</translation>
    </message>
    <message>
        <source>That advice no longer matches the text; it is being refreshed</source>
        <translation>该建议与当前文本已不相符，正在刷新</translation>
    </message>
    <message>
        <source>Added “{word}” to your dictionary</source>
        <translation>已将“{word}”添加到您的词典</translation>
    </message>
</context>
<context>
    <name>AdvicePanel</name>
    <message>
        <source>Validation</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>占位符</translation>
    </message>
    <message>
        <source>Gender-coded wording</source>
        <translation>性别倾向用语</translation>
    </message>
    <message>
        <source>Inclusive language</source>
        <translation>包容性用语</translation>
    </message>
    <message>
        <source>Readability and length</source>
        <translation>可读性与篇幅</translation>
    </message>
    <message>
        <source>Pay transparency</source>
        <translation>薪资透明</translation>
    </message>
    <message>
        <source>Job-board readiness</source>
        <translation>招聘网站适配</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>拼写</translation>
    </message>
    <message>
        <source>Imported: check these</source>
        <translation>导入结果：请核对</translation>
    </message>
    <message>
        <source>Posting advice</source>
        <translation>撰写建议</translation>
    </message>
    <message>
        <source>Advice to weigh: it never blocks saving or export</source>
        <translation>仅供参考的建议：不会妨碍保存或导出</translation>
    </message>
    <message>
        <source>Apply Suggestion</source>
        <translation>采纳建议</translation>
    </message>
    <message>
        <source>Replace the words with the suggestion (undoable)</source>
        <translation>用建议的文字替换原文（可撤销）</translation>
    </message>
    <message>
        <source>Add to Dictionary</source>
        <translation>添加到词典</translation>
    </message>
    <message>
        <source>Accept this spelling from now on</source>
        <translation>今后接受这种拼写</translation>
    </message>
    <message>
        <source>{family} ({count})</source>
        <translation>{family}（{count}）</translation>
    </message>
    <message>
        <source>Posting advice ({count})</source>
        <translation>撰写建议（{count}）</translation>
    </message>
    <message>
        <source>Posting advice: nothing to suggest</source>
        <translation>撰写建议：暂无建议</translation>
    </message>
    <message>
        <source>{count} advice</source>
        <translation>{count} 条建议</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>the posting contains a character that is not text</source>
        <translation>招聘启事中含有非文本字符</translation>
    </message>
    <message>
        <source>holds no posting to recover</source>
        <translation>其中没有可恢复的招聘启事</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Job descriptions (*.jd.json);;All files (*)</source>
        <translation>职位描述 (*.jd.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Postings (*.docx *.md *.markdown *.html *.htm *.txt *.jsonld *.json);;Word documents (*.docx);;Markdown (*.md *.markdown);;Web pages (*.html *.htm);;Plain text (*.txt);;JSON-LD (*.jsonld *.json);;All files (*)</source>
        <translation>招聘启事 (*.docx *.md *.markdown *.html *.htm *.txt *.jsonld *.json);;Word 文档 (*.docx);;Markdown (*.md *.markdown);;网页 (*.html *.htm);;纯文本 (*.txt);;JSON-LD (*.jsonld *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Word templates (*.dotx *.docx)</source>
        <translation>Word 模板 (*.dotx *.docx)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “{name}”?</source>
        <translation>是否保存对“{name}”的更改？</translation>
    </message>
    <message>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation>如果不保存，您的更改将会丢失。</translation>
    </message>
    <message>
        <source>Not ready to publish</source>
        <translation>尚不宜发布</translation>
    </message>
    <message>
        <source>This posting has {count} warning(s); it would be published as it is:</source>
        <translation>此招聘启事有 {count} 个警告；现在导出将按原样发布：</translation>
    </message>
    <message>
        <source>&amp;Export Anyway</source>
        <translation>仍然导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Show the First One</source>
        <translation>转到第一个(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go to the First Finding</source>
        <translation>转到第一个问题(&amp;G)</translation>
    </message>
    <message>
        <source>…and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>{file} already exists in {folder}. Replace it?</source>
        <translation>{folder} 中已存在 {file}。是否替换？</translation>
    </message>
    <message>
        <source>About jdeditor</source>
        <translation>关于 jdeditor</translation>
    </message>
    <message>
        <source>&lt;h3&gt;jdeditor {version}&lt;/h3&gt;&lt;p&gt;Edit job descriptions from call-center presets, check them as you type and export polished Word postings. Works offline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;jdeditor {version}&lt;/h3&gt;&lt;p&gt;从呼叫中心岗位预设出发编辑职位描述，边写边检查，并导出排版精美的 Word 文档。完全离线工作。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>posting</source>
        <translation>招聘启事</translation>
    </message>
    <message>
        <source>Import a Posting</source>
        <translation>导入招聘启事</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>{name} (imported)</source>
        <translation>{name}（导入）</translation>
    </message>
    <message>
        <source>Imported {file}: check the {count} guess(es) under Posting advice</source>
        <translation>已导入 {file}：请在“撰写建议”中核对 {count} 处推断</translation>
    </message>
    <message>
        <source>Open Job Description</source>
        <translation>打开职位描述</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>{file} cannot be opened.</source>
        <translation>无法打开 {file}。</translation>
    </message>
    <message>
        <source>Opened {file}: it has problems to fix (see the list)</source>
        <translation>已打开 {file}：其中有需要修正的问题（见问题列表）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Discard your changes and reload {file}?</source>
        <translation>是否放弃您的更改并重新载入 {file}？</translation>
    </message>
    <message>
        <source>Save Job Description</source>
        <translation>保存职位描述</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The posting contains a character that is not text; retype the last change and save again.</source>
        <translation>招聘启事中含有非文本字符；请重新输入最后一处修改，然后再次保存。</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>the posting</source>
        <translation>招聘启事</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>编辑{field}</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export to Word</source>
        <translation>导出为 Word</translation>
    </message>
    <message>
        <source>Export As</source>
        <translation>导出为</translation>
    </message>
    <message>
        <source>Print {name}</source>
        <translation>打印“{name}”</translation>
    </message>
    <message>
        <source>Cannot export yet</source>
        <translation>暂时无法导出</translation>
    </message>
    <message>
        <source>Fix these problems first; each is also marked on its field:</source>
        <translation>请先修正以下问题（每个问题也已在对应字段上标出）：</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>{file} is the company template that exports are based on; choose another name.</source>
        <translation>{file} 是导出所基于的公司模板；请换一个文件名。</translation>
    </message>
    <message>
        <source>{format} export hit a bug ({kind}: {detail}); nothing was written and the posting is unchanged. Please report this.</source>
        <translation>导出{format}时遇到程序错误（{kind}：{detail}）；未写入任何文件，招聘启事也未改动。请报告此问题。</translation>
    </message>
    <message>
        <source>Exported {file}</source>
        <translation>已导出 {file}</translation>
    </message>
    <message>
        <source> — {count} warning(s) left</source>
        <translation>——尚有 {count} 个警告</translation>
    </message>
    <message>
        <source> — made safe: {what}</source>
        <translation>——已做安全处理：{what}</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>No application is set up to open {what}. The file is at:
{path}</source>
        <translation>没有设置可打开“{what}”的应用程序。文件位于：
{path}</translation>
    </message>
    <message>
        <source>folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Choose a Company Word Template</source>
        <translation>选择公司 Word 模板</translation>
    </message>
    <message>
        <source>Exports now use {file}</source>
        <translation>今后导出将使用 {file}</translation>
    </message>
    <message>
        <source>Exports use jdeditor&apos;s own look</source>
        <translation>导出将使用 jdeditor 自带的样式</translation>
    </message>
</context>
<context>
    <name>ExportFormats</name>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Google for Jobs JSON-LD</source>
        <translation>Google 招聘 JSON-LD</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find in the posting</source>
        <translation>在招聘启事中查找</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <source>{index} of {total}</source>
        <translation>第 {index} 项，共 {total} 项</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配项（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配项（Enter）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配项</translation>
    </message>
    <message>
        <source>{total} matches</source>
        <translation>{total} 个匹配项</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>{country} ({code})</source>
        <translation>{country}（{code}）</translation>
    </message>
    <message>
        <source>Posting form</source>
        <translation>招聘启事表单</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>职位名称(&amp;T)</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职位名称</translation>
    </message>
    <message>
        <source>e.g. Call Center Agent</source>
        <translation>例如：呼叫中心客服专员</translation>
    </message>
    <message>
        <source>Required. Job boards show about 60–100 characters of a title.</source>
        <translation>必填。招聘网站通常只显示职位名称的前 60–100 个字符。</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>职级(&amp;L)</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>职级</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Employment t&amp;ype</source>
        <translation>用工类型(&amp;Y)</translation>
    </message>
    <message>
        <source>Employment type</source>
        <translation>用工类型</translation>
    </message>
    <message>
        <source>&amp;Work arrangement</source>
        <translation>办公方式(&amp;W)</translation>
    </message>
    <message>
        <source>Work arrangement</source>
        <translation>办公方式</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>城市(&amp;I)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>State or region</source>
        <translation>州/省/地区</translation>
    </message>
    <message>
        <source>Cou&amp;ntry</source>
        <translation>国家/地区(&amp;N)</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Posting language</source>
        <translation>招聘启事语言</translation>
    </message>
    <message>
        <source>A BCP 47 tag such as en-US or zh-CN: sets the document&apos;s language, page size and pay format.</source>
        <translation>BCP 47 语言标记，例如 en-US 或 zh-CN：决定文档的语言、纸张大小和薪资格式。</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>职位概述</translation>
    </message>
    <message>
        <source>About the &amp;role</source>
        <translation>职位简介(&amp;R)</translation>
    </message>
    <message>
        <source>A short paragraph; a blank line starts a new one.</source>
        <translation>简短的一段话；空一行即开始新的段落。</translation>
    </message>
    <message>
        <source>Re&amp;sponsibilities</source>
        <translation>岗位职责(&amp;S)</translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation>岗位职责</translation>
    </message>
    <message>
        <source>At least one. Enter on the last item adds the next.</source>
        <translation>至少一项。在最后一项上按 Enter 可添加下一项。</translation>
    </message>
    <message>
        <source>Qualifications and skills</source>
        <translation>任职资格与技能</translation>
    </message>
    <message>
        <source>Re&amp;quired</source>
        <translation>任职要求(&amp;Q)</translation>
    </message>
    <message>
        <source>Required qualifications</source>
        <translation>任职要求</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>优先条件</translation>
    </message>
    <message>
        <source>Preferred qualifications</source>
        <translation>优先条件</translation>
    </message>
    <message>
        <source>S&amp;kills</source>
        <translation>技能要求(&amp;K)</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能要求</translation>
    </message>
    <message>
        <source>Education and experience</source>
        <translation>学历与经验</translation>
    </message>
    <message>
        <source>&amp;Minimum education</source>
        <translation>最低学历(&amp;M)</translation>
    </message>
    <message>
        <source>Minimum education</source>
        <translation>最低学历</translation>
    </message>
    <message>
        <source>Preferred education</source>
        <translation>优先学历</translation>
    </message>
    <message>
        <source>Fields of study</source>
        <translation>专业方向</translation>
    </message>
    <message>
        <source>Experience can replace formal education</source>
        <translation>经验丰富者可放宽学历要求</translation>
    </message>
    <message>
        <source>Minimum e&amp;xperience</source>
        <translation>最低工作年限(&amp;X)</translation>
    </message>
    <message>
        <source>Minimum years of experience</source>
        <translation>最低工作年限</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>工作经验</translation>
    </message>
    <message>
        <source>Certifications</source>
        <translation>资格证书</translation>
    </message>
    <message>
        <source>How success is measured</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <source>Pay and benefits</source>
        <translation>薪资与福利</translation>
    </message>
    <message>
        <source>P&amp;ay</source>
        <translation>薪资(&amp;A)</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>薪资</translation>
    </message>
    <message>
        <source>&amp;Benefits</source>
        <translation>福利待遇(&amp;B)</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>福利待遇</translation>
    </message>
    <message>
        <source>Company and how to apply</source>
        <translation>公司与申请方式</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>公司(&amp;C)</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Abo&amp;ut the company</source>
        <translation>公司介绍(&amp;U)</translation>
    </message>
    <message>
        <source>About the company</source>
        <translation>公司介绍</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>公司网站</translation>
    </message>
    <message>
        <source>Company website</source>
        <translation>公司网站</translation>
    </message>
    <message>
        <source>H&amp;ow to apply</source>
        <translation>申请方式(&amp;O)</translation>
    </message>
    <message>
        <source>How to apply</source>
        <translation>申请方式</translation>
    </message>
    <message>
        <source>Application email</source>
        <translation>申请邮箱</translation>
    </message>
    <message>
        <source>Application link</source>
        <translation>申请链接</translation>
    </message>
    <message>
        <source>Date posted</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD; the export fills in its own date if empty</source>
        <translation>YYYY-MM-DD；留空则在导出时填入当天日期</translation>
    </message>
    <message>
        <source>Apply by</source>
        <translation>申请截止日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Equal opportunity</source>
        <translation>平等就业</translation>
    </message>
    <message>
        <source>Equal-opportunity statement</source>
        <translation>平等就业声明</translation>
    </message>
    <message>
        <source>{field}, item {number}</source>
        <translation>{field}第 {number} 项</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>List: add the next item (on the last item)</source>
        <translation>列表：添加下一项（在最后一项上）</translation>
    </message>
    <message>
        <source>List: remove the selected item</source>
        <translation>列表：删除所选项</translation>
    </message>
    <message>
        <source>List: move the item up</source>
        <translation>列表：上移该项</translation>
    </message>
    <message>
        <source>List: move the item down</source>
        <translation>列表：下移该项</translation>
    </message>
    <message>
        <source>Find bar: next match</source>
        <translation>查找栏：下一个匹配项</translation>
    </message>
    <message>
        <source>Find bar: previous match</source>
        <translation>查找栏：上一个匹配项</translation>
    </message>
    <message>
        <source>Find bar: close</source>
        <translation>查找栏：关闭</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes when jdeditor next starts.</source>
        <translation>界面语言将在下次启动 jdeditor 时更改。</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Add an item (Enter on the last item)</source>
        <translation>添加一项（在最后一项上按 Enter）</translation>
    </message>
    <message>
        <source>Add an item: {list}</source>
        <translation>添加一项：{list}</translation>
    </message>
    <message>
        <source>Remove the item (Delete)</source>
        <translation>删除该项（Delete）</translation>
    </message>
    <message>
        <source>Remove the item: {list}</source>
        <translation>删除该项：{list}</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>上移（Alt+Up）</translation>
    </message>
    <message>
        <source>Move up: {list}</source>
        <translation>上移：{list}</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>下移（Alt+Down）</translation>
    </message>
    <message>
        <source>Move down: {list}</source>
        <translation>下移：{list}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading presets…</source>
        <translation>正在加载预设……</translation>
    </message>
    <message>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a blank posting</source>
        <translation>新建空白招聘启事</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a job description file</source>
        <translation>打开职位描述文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the posting</source>
        <translation>保存招聘启事</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the posting under a new name</source>
        <translation>以新名称保存招聘启事</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Go back to the saved file</source>
        <translation>放弃修改，恢复到已保存的文件</translation>
    </message>
    <message>
        <source>&amp;Export to Word…</source>
        <translation>导出为 Word(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the posting as a Word .docx</source>
        <translation>将招聘启事导出为 Word 文档（.docx）</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Start from a posting in Word, Markdown, HTML, plain text or JSON-LD</source>
        <translation>从 Word、Markdown、HTML、纯文本或 JSON-LD 格式的招聘启事开始</translation>
    </message>
    <message>
        <source>Export &amp;As…</source>
        <translation>导出为(&amp;A)…</translation>
    </message>
    <message>
        <source>Write the posting as PDF, a web page, Markdown, plain text or JSON-LD</source>
        <translation>将招聘启事导出为 PDF、网页、Markdown、纯文本或 JSON-LD</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the posting, with a preview first</source>
        <translation>打印招聘启事（先显示预览）</translation>
    </message>
    <message>
        <source>Word &amp;Template…</source>
        <translation>Word 模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Use a company .dotx or .docx as the base</source>
        <translation>以公司的 .dotx 或 .docx 文件为导出基础</translation>
    </message>
    <message>
        <source>Use the &amp;Default Look</source>
        <translation>使用默认样式(&amp;D)</translation>
    </message>
    <message>
        <source>Export with jdeditor&apos;s own look</source>
        <translation>使用 jdeditor 自带的样式导出</translation>
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
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>Cut the selected text</source>
        <translation>剪切所选文本</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation>复制所选文本</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste into the field</source>
        <translation>粘贴到当前字段</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select all the text of the field</source>
        <translation>选中当前字段的全部文本</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in the posting and go to its field</source>
        <translation>在招聘启事中查找文本并转到所在字段</translation>
    </message>
    <message>
        <source>&amp;Next Pane</source>
        <translation>下一个窗格(&amp;N)</translation>
    </message>
    <message>
        <source>Presets, form, problems, advice, preview</source>
        <translation>依次切换：预设、表单、问题、建议、预览</translation>
    </message>
    <message>
        <source>P&amp;revious Pane</source>
        <translation>上一个窗格(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Save as &amp;Preset…</source>
        <translation>另存为预设(&amp;P)…</translation>
    </message>
    <message>
        <source>Keep this posting as one of your presets</source>
        <translation>将此招聘启事保存为您的预设</translation>
    </message>
    <message>
        <source>&amp;Import Preset File…</source>
        <translation>导入预设文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Add a colleague&apos;s preset file</source>
        <translation>添加同事分享的预设文件</translation>
    </message>
    <message>
        <source>E&amp;xport Selected Preset…</source>
        <translation>导出所选预设(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the selected preset to share it</source>
        <translation>保存所选预设，以便分享</translation>
    </message>
    <message>
        <source>&amp;About jdeditor</source>
        <translation>关于 jdeditor(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>撤销“{step}”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>重做“{step}”(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PayField</name>
    <message>
        <source>State the pay in the posting</source>
        <translation>在招聘启事中注明薪资</translation>
    </message>
    <message>
        <source>Minimum pay</source>
        <translation>最低薪资</translation>
    </message>
    <message>
        <source>Maximum pay</source>
        <translation>最高薪资</translation>
    </message>
    <message>
        <source>No maximum</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source>or more</source>
        <translation>或更高</translation>
    </message>
    <message>
        <source>Write the top of the range as “$100,000+”</source>
        <translation>将上限写作“$100,000+”的形式</translation>
    </message>
    <message>
        <source>Or more</source>
        <translation>或更高</translation>
    </message>
    <message>
        <source>State the pay</source>
        <translation>注明薪资</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Pay period</source>
        <translation>计薪周期</translation>
    </message>
    <message>
        <source>e.g. depending on experience and qualifications</source>
        <translation>例如：视经验和资历而定</translation>
    </message>
    <message>
        <source>Pay note</source>
        <translation>薪资备注</translation>
    </message>
</context>
<context>
    <name>PresetActions</name>
    <message>
        <source>Cannot start from preset</source>
        <translation>无法从预设新建</translation>
    </message>
    <message>
        <source>New posting from the “{name}” preset</source>
        <translation>已从预设“{name}”新建招聘启事</translation>
    </message>
    <message>
        <source>Skipped {count} unreadable preset file(s): {files}</source>
        <translation>已跳过 {count} 个无法读取的预设文件：{files}</translation>
    </message>
    <message>
        <source>“{name}” is a built-in preset, which cannot be replaced; choose another name.</source>
        <translation>“{name}”是内置预设，不能替换；请换一个名称。</translation>
    </message>
    <message>
        <source>A preset named “{name}” exists; it will be replaced.</source>
        <translation>已有名为“{name}”的预设，它将被替换。</translation>
    </message>
    <message>
        <source> ({word})</source>
        <translation>（{word}）</translation>
    </message>
    <message>
        <source> ({word} {number})</source>
        <translation>（{word} {number}）</translation>
    </message>
    <message>
        <source>Cannot save preset</source>
        <translation>无法保存预设</translation>
    </message>
    <message>
        <source>Replace preset?</source>
        <translation>替换预设？</translation>
    </message>
    <message>
        <source>A preset named “{name}” already exists. Replace it?</source>
        <translation>已存在名为“{name}”的预设。是否替换？</translation>
    </message>
    <message>
        <source>Cannot save as a preset yet</source>
        <translation>暂时无法另存为预设</translation>
    </message>
    <message>
        <source>Fix these problems first; each is also marked on its field:</source>
        <translation>请先修正以下问题（每个问题也已在对应字段上标出）：</translation>
    </message>
    <message>
        <source>my copy</source>
        <translation>我的副本</translation>
    </message>
    <message>
        <source>Save as Preset</source>
        <translation>另存为预设</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>预设名称：</translation>
    </message>
    <message>
        <source>Saved preset “{name}”</source>
        <translation>已保存预设“{name}”</translation>
    </message>
    <message>
        <source>Rename Preset</source>
        <translation>重命名预设</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Cannot rename preset</source>
        <translation>无法重命名预设</translation>
    </message>
    <message>
        <source>Duplicate Preset</source>
        <translation>创建预设副本</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>副本名称：</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Cannot duplicate preset</source>
        <translation>无法创建预设副本</translation>
    </message>
    <message>
        <source>Delete Preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? This cannot be undone.</source>
        <translation>是否删除预设“{name}”？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Cannot delete preset</source>
        <translation>无法删除预设</translation>
    </message>
    <message>
        <source>Cannot show preset</source>
        <translation>无法显示预设</translation>
    </message>
    <message>
        <source>Cannot open the folder</source>
        <translation>无法打开文件夹</translation>
    </message>
    <message>
        <source>No file manager could open the presets folder. It is:
{folder}</source>
        <translation>没有文件管理器能打开预设文件夹。它位于：
{folder}</translation>
    </message>
    <message>
        <source>Import Preset File</source>
        <translation>导入预设文件</translation>
    </message>
    <message>
        <source>Cannot import preset</source>
        <translation>无法导入预设</translation>
    </message>
    <message>
        <source>{file} is not a usable preset.</source>
        <translation>{file} 不是可用的预设。</translation>
    </message>
    <message>
        <source>Import Preset</source>
        <translation>导入预设</translation>
    </message>
    <message>
        <source>Select a preset to export first</source>
        <translation>请先选择要导出的预设</translation>
    </message>
    <message>
        <source>Cannot export preset</source>
        <translation>无法导出预设</translation>
    </message>
    <message>
        <source>Export Preset File</source>
        <translation>导出预设文件</translation>
    </message>
    <message>
        <source>Exported preset to {file}</source>
        <translation>已将预设导出到 {file}</translation>
    </message>
    <message>
        <source>&amp;New from Preset</source>
        <translation>从预设新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>创建副本(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>Acts on the preset selected in the preset list</source>
        <translation>作用于预设列表中所选的预设</translation>
    </message>
</context>
<context>
    <name>PresetNameDialog</name>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PresetPanel</name>
    <message>
        <source>Filter presets…</source>
        <translation>筛选预设…</translation>
    </message>
    <message>
        <source>Filter presets</source>
        <translation>筛选预设</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Double-click or press Enter to start from a preset</source>
        <translation>双击或按 Enter 键，从预设新建招聘启事</translation>
    </message>
    <message>
        <source>BUILT-IN</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>MY PRESETS</source>
        <translation>我的预设</translation>
    </message>
    <message>
        <source>{name}
{title}: built-in, read-only</source>
        <translation>{name}
{title}：内置，只读</translation>
    </message>
    <message>
        <source>{name}
{title}: {path}</source>
        <translation>{name}
{title}：{path}</translation>
    </message>
    <message>
        <source>not available: {reason}</source>
        <translation>不可用：{reason}</translation>
    </message>
    <message>
        <source>team folder, you can publish to it</source>
        <translation>团队文件夹，你可以向其发布预设</translation>
    </message>
    <message>
        <source>team folder, read-only: {reason}</source>
        <translation>团队文件夹，只读：{reason}</translation>
    </message>
    <message>
        <source>{name}
{folder}
{state}</source>
        <translation>{name}
{folder}
{state}</translation>
    </message>
    <message>
        <source>Conflicting copy of “{original}”: {name}</source>
        <translation>“{original}”的冲突副本：{name}</translation>
    </message>
    <message>
        <source>{name}
{title}: {path}
A sync service kept this copy because “{original}” was changed in two places at once. Keep this one in its place, or delete it.</source>
        <translation>{name}
{title}：{path}
“{original}”同时在两处被修改，同步服务因此保留了这个副本。可以用它替换原预设，也可以将其删除。</translation>
    </message>
    <message>
        <source>Not available: {reason}</source>
        <translation>不可用：{reason}</translation>
    </message>
    <message>
        <source>No presets yet: publish one with Presets ▸ Publish Selected Preset to Team</source>
        <translation>还没有预设：可通过“预设 ▸ 将所选预设发布到团队”发布</translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation>还没有预设</translation>
    </message>
    <message>
        <source>Use Presets ▸ Save as Preset to keep a posting as your own preset</source>
        <translation>使用“预设 ▸ 另存为预设”将招聘启事保存为您自己的预设</translation>
    </message>
    <message>
        <source>&amp;New from this preset</source>
        <translation>从此预设新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keep This Copy in Place of “{name}”…</source>
        <translation>保留此副本以替换“{name}”(&amp;K)…</translation>
    </message>
    <message>
        <source>Delete This &amp;Copy…</source>
        <translation>删除此副本(&amp;C)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>创建副本(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Publish to “{team}”…</source>
        <translation>发布到“{team}”(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Publish to Team</source>
        <translation>发布到团队(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>How the posting will look; updated as you type</source>
        <translation>招聘启事的最终效果，随输入实时更新</translation>
    </message>
    <message>
        <source>Pay: the maximum is below the minimum — fix the range</source>
        <translation>薪资：最高值低于最低值——请修正薪资范围</translation>
    </message>
    <message>
        <source>Pay: {problem} — fix it in the form</source>
        <translation>薪资：{problem}——请在表单中修正</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Click a problem to go to its field</source>
        <translation>单击问题即可转到对应字段</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>{errors} problem(s) · {warnings} warning(s)</source>
        <translation>{errors} 个问题 · {warnings} 个警告</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Autosave failed: {why}</source>
        <translation>自动保存失败：{why}</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的内容？</translation>
    </message>
    <message>
        <source>jdeditor did not close normally. Recover the posting you were editing (last autosaved {when})?</source>
        <translation>jdeditor 上次未正常关闭。是否恢复您正在编辑的招聘启事（最后自动保存于 {when}）？</translation>
    </message>
    <message>
        <source>Recovered unsaved work</source>
        <translation>已恢复未保存的内容</translation>
    </message>
    <message>
        <source>it was kept as {file}</source>
        <translation>已将其保留为 {file}</translation>
    </message>
    <message>
        <source>it was left as it was</source>
        <translation>文件保持原样</translation>
    </message>
    <message>
        <source>Unsaved work from the last session could not be read ({why}); {where}</source>
        <translation>无法读取上次会话中未保存的内容（{why}）；{where}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Entry-level: answers and resolves customer calls</source>
        <translation>初级岗位：接听并解决客户来电</translation>
    </message>
    <message>
        <source>Coaches a team of agents to its targets</source>
        <translation>带领客服团队达成目标</translation>
    </message>
    <message>
        <source>Runs the call center: people, budget, strategy</source>
        <translation>全面管理呼叫中心：人员、预算与战略</translation>
    </message>
    <message>
        <source>Senior lead for routing, metrics, staffing and vendors</source>
        <translation>资深负责人：话务路由、运营指标、人员配置与供应商</translation>
    </message>
    <message>
        <source>pay not stated</source>
        <translation>未注明薪资</translation>
    </message>
    <message>
        <source>Start a Posting</source>
        <translation>开始撰写招聘启事</translation>
    </message>
    <message>
        <source>&lt;b&gt;Start from a preset&lt;/b&gt;</source>
        <translation>&lt;b&gt;从预设开始&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent files&lt;/b&gt;</source>
        <translation>&lt;b&gt;最近的文件&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近的文件</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Blank Posting</source>
        <translation>空白招聘启事(&amp;B)</translation>
    </message>
    <message>
        <source>My presets</source>
        <translation>我的预设</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <source>Pu&amp;blish Selected Preset to Team</source>
        <translation>将所选预设发布到团队(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Team Folders</source>
        <translation>团队文件夹(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Add Team Folder…</source>
        <translation>添加团队文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>Use a shared folder of presets, such as a team&apos;s network share</source>
        <translation>使用共享的预设文件夹，例如团队的网络共享</translation>
    </message>
    <message>
        <source>Stop Using “{team}”…</source>
        <translation>停止使用“{team}”…</translation>
    </message>
    <message>
        <source>Cannot publish preset</source>
        <translation>无法发布预设</translation>
    </message>
    <message>
        <source>Replace Team Preset?</source>
        <translation>替换团队预设？</translation>
    </message>
    <message>
        <source>“{team}” already has a preset named “{name}”. Replace it with yours for everyone who uses the folder?</source>
        <translation>“{team}”中已有名为“{name}”的预设。要为所有使用该文件夹的人换成你的版本吗？</translation>
    </message>
    <message>
        <source>Published as a Copy</source>
        <translation>已作为副本发布</translation>
    </message>
    <message>
        <source>Someone else published “{name}” to “{team}” at the same time. Theirs is kept; yours is saved beside it as “{copy}”, listed as a conflicting copy to keep or delete.</source>
        <translation>有人同时将“{name}”发布到了“{team}”。对方的版本已保留；你的版本另存为“{copy}”，作为冲突副本列出，可选择保留或删除。</translation>
    </message>
    <message>
        <source>Published “{name}” to “{team}”</source>
        <translation>已将“{name}”发布到“{team}”</translation>
    </message>
    <message>
        <source>Cannot keep this copy</source>
        <translation>无法保留此副本</translation>
    </message>
    <message>
        <source>Keep This Copy?</source>
        <translation>保留此副本？</translation>
    </message>
    <message>
        <source>Replace “{original}” with this conflicting copy, “{name}”, for everyone who uses the folder? The version it replaces is kept beside it as a conflicting copy, to delete once you are sure.</source>
        <translation>要为所有使用该文件夹的人用此冲突副本“{name}”替换“{original}”吗？被替换的版本会作为冲突副本保留在旁边，确认无误后可将其删除。</translation>
    </message>
    <message>
        <source>“{name}” is now the kept version</source>
        <translation>“{name}”现为保留的版本</translation>
    </message>
    <message>
        <source>Cannot delete this copy</source>
        <translation>无法删除此副本</translation>
    </message>
    <message>
        <source>Keep This Copy Instead?</source>
        <translation>改为保留此副本？</translation>
    </message>
    <message>
        <source>“{original}” is missing or cannot be read, so “{name}” may be its only version and is not deleted. Keep it as “{original}” instead?</source>
        <translation>“{original}”缺失或无法读取，因此“{name}”可能是它唯一的版本，不会被删除。要改为将其保留为“{original}”吗？</translation>
    </message>
    <message>
        <source>Delete This Copy?</source>
        <translation>删除此副本？</translation>
    </message>
    <message>
        <source>Delete the conflicting copy “{name}” for everyone who uses the folder? “{original}” stays as it is. This cannot be undone.</source>
        <translation>要为所有使用该文件夹的人删除冲突副本“{name}”吗？“{original}”保持不变。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Add Team Folder</source>
        <translation>添加团队文件夹</translation>
    </message>
    <message>
        <source>Cannot add team folder</source>
        <translation>无法添加团队文件夹</translation>
    </message>
    <message>
        <source>{folder} is not a folder.</source>
        <translation>{folder} 不是文件夹。</translation>
    </message>
    <message>
        <source>Name of the team folder in the preset list:</source>
        <translation>团队文件夹在预设列表中的名称：</translation>
    </message>
    <message>
        <source>Added the team folder “{team}”</source>
        <translation>已添加团队文件夹“{team}”</translation>
    </message>
    <message>
        <source>Stop Using Team Folder?</source>
        <translation>停止使用团队文件夹？</translation>
    </message>
    <message>
        <source>Stop listing the presets of “{team}”? The folder and its files are left as they are.
{folder}</source>
        <translation>要停止列出“{team}”中的预设吗？该文件夹及其中的文件保持原样。
{folder}</translation>
    </message>
    <message>
        <source>Cannot remove team folder</source>
        <translation>无法移除团队文件夹</translation>
    </message>
    <message>
        <source>The settings file cannot be used, so it was left as it is. Fix or remove it, then try again.</source>
        <translation>设置文件无法使用，因此保持原样。请修正或删除它，然后重试。</translation>
    </message>
</context>
<context>
    <name>YearsField</name>
    <message>
        <source>Not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
</context>
<context>
    <name>_StepName</name>
    <message>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
</context>
</TS>
