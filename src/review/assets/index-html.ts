/** The review page's HTML shell: everything else is built by app.js from data.js. */
export const indexHtml = (title: string): string => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="shenbao review">
<title>${title.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)}</title>
<link rel="stylesheet" href="assets/style.css">
</head>
<body>
<div id="app"><noscript>This review page needs JavaScript.</noscript></div>
<script src="data.js"></script>
<script src="assets/app.js"></script>
</body>
</html>
`;
