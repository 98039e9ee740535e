// Command site serves, on a loopback port, a small government site of
// reply pages — one in GBK, declared only by the HTTP header, one in
// UTF-8 — with an image and a missing page, for wget to crawl into the
// test WARC (see make-wget.sh). It prints its address and serves until
// killed.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const index = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政协提案答复</title></head>
<body><h1>政协提案答复</h1>
<ul>
<li><a href="/zxta/2023/reply-16.html">关于加快城区停车设施建设的提案的答复</a></li>
<li><a href="/zxta/2023/reply-21.html">关于加强农村饮水安全保障的提案的答复</a></li>
<li><a href="/zxta/2023/reply-30.html">关于完善社区养老服务的提案的答复</a></li>
</ul>
<img src="/images/logo.png" alt="">
</body></html>
`

// gbkPage names no charset in its markup: only the HTTP header says GBK.
const gbkPage = `<html><head><title>县人民政府办公室关于县政协十一届二次会议第16号提案的答复</title></head>
<body>
<div class="position">当前位置:首页 &gt; 政协提案</div>
<h1>县人民政府办公室关于县政协十一届二次会议第16号提案的答复</h1>
<p class="info">发布时间:2023-08-14 来源:县住房和城乡建设局</p>
<div class="content">
<p>王明委员:</p>
<p>你在县政协十一届二次会议上提出的“关于加快城区停车设施建设的建议”提案收悉,县人民政府进行了认真办理。现将有关情况答复如下:</p>
<p>一、基本情况。目前城区共有公共停车位2100个,较上年增加360个,老城区停车难的问题仍然突出。</p>
<p>二、下一步工作。一是编制城区停车设施专项规划;二是利用边角地新建停车场3处;三是推行错时共享停车。</p>
<p>感谢你对我县城市建设工作的关心和支持。</p>
<p>县人民政府办公室</p>
<p>2023年8月10日</p>
</div>
</body></html>
`

const utf8Page = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>县人民政府办公室关于县政协十一届二次会议第21号提案的答复</title></head>
<body>
<h1>县人民政府办公室关于县政协十一届二次会议第21号提案的答复</h1>
<p class="info">发布时间:2023-09-02 来源:县水利局</p>
<div class="content">
<p>李华、张强委员:</p>
<p>你们在县政协十一届二次会议上提出的“关于加强农村饮水安全保障的建议”提案收悉,现答复如下:</p>
<p>一、工作开展情况。全县已建成集中供水工程45处,农村自来水普及率达到93%。</p>
<p>二、存在的问题。部分山区水源不稳定,管网老化。</p>
<p>三、下一步打算。加快实施城乡供水一体化工程,完善水质检测制度。</p>
<p>县人民政府办公室</p>
<p>2023年8月28日</p>
</div>
<img src="/images/logo.png" alt="">
</body></html>
`

// logo is a 1×1 GIF, served as an image.
var logo = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

func main() {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(gbkPage)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	mux := http.NewServeMux()
	page := func(path, ctype, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			fmt.Fprint(w, body)
		})
	}
	page("/{$}", "text/html; charset=utf-8", index)
	page("/zxta/2023/reply-16.html", "text/html; charset=GBK", gbk)
	page("/zxta/2023/reply-21.html", "text/html; charset=utf-8", utf8Page)
	mux.HandleFunc("/images/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/gif")
		w.Write(logo)
	})
	// Everything else, reply-30.html among it, is a 404.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr())
	srv := &http.Server{Handler: mux}
	fmt.Fprintln(os.Stderr, srv.Serve(ln))
}
