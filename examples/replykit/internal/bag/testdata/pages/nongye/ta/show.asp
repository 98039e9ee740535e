<HTML>
<HEAD>
<TITLE>关于县政协八届五次会议第15号提案的答复--某某县农业农村局</TITLE>
</HEAD>
<BODY bgcolor="#FFFFFF">
<TABLE width="760" border="0" cellspacing="0" cellpadding="0" align="center">
<TR><TD><IMG src="/img/banner.gif" width="760" height="90"></TD></TR>
<TR><TD class="menu"><A href="/">网站首页</A> | <A href="/news/">工作动态</A> | <A href="/ta/">建议提案</A></TD></TR>
</TABLE>
<TABLE width="760" border="0" align="center">
<TR><TD align="center"><FONT size="4"><B>关于县政协八届五次会议第15号提案的答复</B></FONT></TD></TR>
<TR><TD align="center">时间：2016-05-20 作者：办公室 点击：1203</TD></TR>
<TR><TD>
　　孙立军委员：<BR>
　　您提出的关于扶持茶叶产业发展的提案收悉。经认真研究，现答复如下：<BR>
　　一、加大资金扶持。今年安排茶产业发展资金300万元，用于新建标准茶园和加工厂改造。<BR>
　　二、强化技术服务。组建茶叶技术服务队，开展培训20期，培训茶农1500人次。<BR>
　　三、培育知名品牌。支持企业申报地理标志产品，组织参加省内外茶博会。<BR>
　　感谢您对农业农村工作的支持。<BR>
</TD></TR>
<TR><TD align="right">某某县农业农村局<BR>2016年5月18日</TD></TR>
</TABLE>
<TABLE width="760" align="center"><TR><TD align="center">版权所有 某某县农业农村局</TD></TR></TABLE>
</BODY>
</HTML>
