# Writes the torture messages; each file is one message with placeholders the IT fills in:
# ${T} transport of the top Via, ${VIA} its sent-by (the probe), ${N} a per-run unique token, ${CL} the body length.
N = "{N}"  # so that ${N} inside the f-strings below stays a literal placeholder
msgs = {}
V = "Via: SIP/2.0/${T} ${VIA};branch=z9hG4bK-${N}"
def m(name, expect, text):
    msgs[name] = (expect, text)

# ---- valid requests (RFC 4475 3.1.1) ----
m("wsinv", "481", f"""INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0
TO :
 sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n
from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>
  ;
  tag = 98asjd8
MaX-fOrWaRdS: 0068
Call-ID: wsinv.ndaksdj9-${N}@192.0.2.1
Content-Length   : ${{CL}}
cseq: 0009
  INVITE
{V}
  ;rport
Via  : SIP  /   2.0
 /UDP
    192.0.2.2;branch=390skdjuw
s :
NewFangledHeader:   newfangled value
 continued newfangled value
UnknownHeaderWithUnusualValue: ;;,,;;,;
Content-Type: application/sdp
Route:
 <sip:services.example.com;lr;unknownwith=value;unknown-no-value>
v:  SIP  / 2.0  / TCP     spindle.example.com   ;
  branch  =   z9hG4bK9ikj8  ,
 SIP  /    2.0   / UDP  192.168.255.111   ; branch=
 z9hG4bK30239
m:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =
      newvalue ;
  secondparam ; q = 0.33

v=0
o=mhandley 29739 7272939 IN IP4 192.0.2.3
s=-
c=IN IP4 192.0.2.4
t=0 0
m=audio 49217 RTP/AVP 0 12
m=video 3227 RTP/AVP 31
a=rtpmap:31 LPC
""")

m("intmeth", "501", f"""!interesting-Method0123456789_*+`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com SIP/2.0
{V}
To: "BEL:\\\x07 NUL:\\\x00 DEL:\\\x7f" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>
From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%="\xd1\x80\xd0\xb0\xd0\xb1\xd0\xbe\xd1\x82\xd0\xb0\xd1\x8e\xd1\x89\xd0\xb8\xd0\xb9";tag=_token~1'+`*%!-.
Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/"][?}}{{-${N}
CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~
Max-Forwards: 255
extensionHeader-!.%*+_`'~:\xef\xbb\xbf\xe5\xa4\xa7\xe5\x81\x9c\xe9\x9b\xbb
Content-Length: 0

""")

m("esc01", "403", f"""INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0
To: sip:%75se%72@example.com
From: <sip:I%20have%20spaces@example.net>;tag=938
Max-Forwards: 87
i: esc01.239409asdfakjkn23onasd0-3234-${N}
CSeq: 234234 INVITE
{V}
C: application/sdp
Contact:
  <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>
Content-Length: ${{CL}}

v=0
o=mhandley 29739 7272939 IN IP4 192.0.2.1
s=-
c=IN IP4 192.0.2.1
t=0 0
m=audio 49217 RTP/AVP 0 12
m=video 3227 RTP/AVP 31
a=rtpmap:31 LPC
""")

m("escnull", "register", f"""REGISTER sip:example.com SIP/2.0
To: sip:null-%00-null@example.com
From: sip:null-%00-null@example.com;tag=839923423
Max-Forwards: 70
Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd-${N}
CSeq: 14398234 REGISTER
{V}
Contact: <sip:%00@host5.example.com>
Contact: <sip:%00%00@host5.example.com>
L:0

""")

m("esc02", "501", f"""RE%47IST%45R sip:registrar.example.com SIP/2.0
To: "%Z%45" <sip:resource@example.com>
From: "%Z%45" <sip:resource@example.com>;tag=f232jadfj23
Call-ID: esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf-${N}
{V}
CSeq: 29344 RE%47IST%45R
Max-Forwards: 70
Contact: <sip:alias1@host1.example.com>
C%6Fntact: <sip:alias2@host2.example.com>
Contact: <sip:alias3@host3.example.com>
l: 0

""")

m("lwsdisp", "200", f"""OPTIONS sip:user@example.com SIP/2.0
To: sip:user@example.com
From: caller<sip:caller@example.com>;tag=323
Max-Forwards: 70
Call-ID: lwsdisp.1234abcd-${N}@funky.example.com
CSeq: 60 OPTIONS
{V}
l: 0

""")

long_tok = "longvalue" * 60
m("longreq", "403", f"""INVITE sip:user@example.com SIP/2.0
To: "I have a user name of {'extreme' * 10} proportion"<sip:user@example.com:6000;unknownparam1=very{long_tok}value;longparam{long_tok}=shortvalue;very{long_tok}ParamNameWithNoValue>
F: sip:{'amazinglylongcallername' * 20}@example.net;tag=12982{'4' * 200};unknownheaderparam{long_tok}=unknowheaderparamvalue{long_tok};unknownValuelessparamname{long_tok}
Call-ID: longreq.onereallyreallyreallyreallylongcallid{'x' * 300}-${N}
CSeq: 3882340 INVITE
Unknown-{long_tok}-Name: unknown-{long_tok}-value; unknown-{long_tok}-parameter-name = unknown-{long_tok}-parameter-value
{V}
Via: SIP/2.0/TCP sip33.example.com
v: SIP/2.0/TCP sip32.example.com
V: SIP/2.0/TCP sip31.example.com
Via: SIP/2.0/TCP sip30.example.com
ViA: SIP/2.0/TCP sip29.example.com
VIa: SIP/2.0/TCP sip28.example.com
VIA: SIP/2.0/TCP sip27.example.com
via: SIP/2.0/TCP sip26.example.com
viA: SIP/2.0/TCP sip25.example.com
vIa: SIP/2.0/TCP sip24.example.com
vIA: SIP/2.0/TCP sip23.example.com
V :  SIP/2.0/TCP sip22.example.com
v :  SIP/2.0/TCP sip21.example.com
V  : SIP/2.0/TCP sip20.example.com
Max-Forwards: 70
Contact: <sip:amazinglylongcallername{'x' * 100}@host5.example.net>
Content-Type: application/sdp
l: ${{CL}}

v=0
o=mhandley 29739 7272939 IN IP4 192.0.2.1
s=-
c=IN IP4 192.0.2.1
t=0 0
m=audio 49217 RTP/AVP 0 12
m=video 3227 RTP/AVP 31
a=rtpmap:31 LPC
""")

m("dblreq", "register tcp:skip", f"""REGISTER sip:example.com SIP/2.0
To: sip:j.user@example.com
From: sip:j.user@example.com;tag=43251j3j324
Max-Forwards: 8
I: dblreq.0ha0isndaksdj99sdfafnl3lk233412-${N}
Contact: sip:j.user@host.example.com
CSeq: 8 REGISTER
{V}
Content-Length: 0

INVITE sip:joe@example.com SIP/2.0
t: sip:joe@example.com
From: sip:caller@example.net;tag=141334
Max-Forwards: 8
Call-ID: dblreq.0ha0isnda977644900765-${N}@192.0.2.15
CSeq: 8 INVITE
Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw380234-${N}
Content-Type: application/sdp
Content-Length: 153

v=0
o=mhandley 29739 7272939 IN IP4 192.0.2.15
s=-
c=IN IP4 192.0.2.15
t=0 0
m=audio 49217 RTP/AVP 0 12
m =video 3227 RTP/AVP 31
a=rtpmap:31 LPC
""")

m("semiuri", "200", f"""OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0
To: sip:j_user@example.com
From: sip:caller@example.org;tag=33242
Max-Forwards: 3
Call-ID: semiuri.0ha0isndaksdj-${N}
CSeq: 8 OPTIONS
Accept: application/sdp, application/pkcs7-mime,
        multipart/mixed, multipart/signed,
        message/sip, message/sipfrag
{V}
l: 0

""")

m("transports", "200", f"""OPTIONS sip:user@example.com SIP/2.0
To: sip:user@example.com
From: <sip:caller@example.com>;tag=323
Max-Forwards: 70
Call-ID:  transports.kijh4akdnaqjkwendsasfdj-${N}
Accept: application/sdp
CSeq: 60 OPTIONS
{V}
Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf
Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj
Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en
Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee
l: 0

""")

m("mpart01", "405", f"""MESSAGE sip:kumiko@example.org SIP/2.0
{V}
Max-Forwards: 70
From: "Nikita" <sip:nikita@example.com>;tag=2fb0dcc9
To: "Kumiko" <sip:kumiko@example.org>
Call-ID: mpart01.3a0dcd5a3c0d-${N}@192.0.2.2
CSeq: 1 MESSAGE
Content-Type: multipart/mixed; boundary=outer-boundary-x
Content-Length: ${{CL}}

--outer-boundary-x
Content-Type: text/plain

first part of the message
--outer-boundary-x
Content-Type: application/octet-stream
Content-Transfer-Encoding: binary

\x00\x01\x02 binary-looking part \xfe\xff
--outer-boundary-x--
""")

# ---- responses: never answered ----
m("unreason", "none", f"""SIP/2.0 200 = 2**3 * 5**2 \xd0\xbd\xd0\xbe \xd1\x81\xd1\x82\xd0\xbe \xd0\xb4\xd0\xb5\xd0\xb2\xd1\x8f\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd0\xbe \xd0\xb4\xd0\xb5\xd0\xb2\xd1\x8f\xd1\x82\xd1\x8c - \xd0\xbf\xd1\x80\xd0\xbe\xd1\x81\xd1\x82\xd0\xbe\xd0\xb5
{V}
Call-ID: unreason.1234ksdfak3j2erwedfsASdf-${N}
CSeq: 35 INVITE
From: sip:user@example.com;tag=11141343
To: sip:user@example.edu;tag=2229
Content-Length: 0
Contact: <sip:user@host198.example.com>

""")

m("noreason", "none", f"""SIP/2.0 100 
{V}
Call-ID: noreason.asndj203insdf99223ndf-${N}
CSeq: 35 INVITE
From: <sip:user@example.com>;tag=39ansfi3
To: <sip:user@example.edu>;tag=902jndnke3
Content-Length: 0

""")

# ---- invalid requests (RFC 4475 3.1.2) ----
m("badinv01", "400-or-drop", f"""INVITE sip:user@example.com SIP/2.0
To: sip:j.user@example.com
From: sip:caller@example.net;tag=134161461246
Max-Forwards: 7
Call-ID: badinv01.0ha0isndaksdjasdf3234nas-${N}
CSeq: 8 INVITE
{V};;,;,,
Contact: "Joe" <sip:joe@example.org>;;;;
Content-Length: ${{CL}}
Content-Type: application/sdp

v=0
o=mhandley 29739 7272939 IN IP4 192.0.2.15
s=-
c=IN IP4 192.0.2.15
t=0 0
m=audio 49217 RTP/AVP 0
""")

m("clerr", "400-or-drop", f"""INVITE sip:user@example.com SIP/2.0
Max-Forwards: 80
To: sip:j.user@example.com
From: sip:caller@example.net;tag=93942939o2
Contact: <sip:caller@hungry.example.net>
Call-ID: clerr.0ha0isndaksdjweiafasdk3-${N}
CSeq: 8 INVITE
{V}
Content-Type: application/sdp
Content-Length: 9999

v=0
o=mhandley 29739 7272939 IN IP4 192.0.2.155
s=-
c=IN IP4 192.0.2.155
t=0 0
m=audio 49217 RTP/AVP 0
""")

m("scalar02", "400-or-drop", f"""REGISTER sip:example.com SIP/2.0
{V}
Max-Forwards: 300
From: sip:user@example.com;tag=239232jh3
To: sip:user@example.com
Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32-${N}
CSeq: 39292 REGISTER
Contact: <sip:user@host129.example.com>;expires=280297596632815
Content-Length: 0

""")

m("scalarlg", "400-or-drop", f"""REGISTER sip:example.com SIP/2.0
{V}
Max-Forwards: 70
From: sip:user@example.com;tag=1928301774
To: sip:user@example.com
Call-ID: scalarlg.98asdh@192.0.2.1-${N}
CSeq: 36893488147419103232 REGISTER
Contact: <sip:user@host129.example.com>;expires=1
Content-Length: 0

""")

m("quotbal", "400-or-drop", f"""INVITE sip:user@example.com SIP/2.0
To: "Mr. J. User <sip:j.user@example.com>
From: sip:caller@example.net;tag=93334
Max-Forwards: 10
Call-ID: quotbal.aksdj-${N}
Contact: <sip:caller@host59.example.net>
CSeq: 8 INVITE
{V}
Content-Type: application/sdp
Content-Length: 0

""")

m("ltgtruri", "400-or-drop", f"""INVITE <sip:user@example.com> SIP/2.0
To: sip:user@example.com
From: sip:caller@example.net;tag=39291
Max-Forwards: 23
Call-ID: ltgtruri.1@192.0.2.5-${N}
CSeq: 1 INVITE
{V}
Contact: <sip:caller@host5.example.net>
Content-Length: 0

""")

m("lwsruri", "400-or-drop", f"""INVITE sip:user@example.com; lr SIP/2.0
To: sip:user@example.com;tag=3xfe-9921883-z9f
From: sip:caller@example.net;tag=231413434
Max-Forwards: 5
Call-ID: lwsruri.asdfnser9dsafw8734-${N}
CSeq: 2130706432 INVITE
{V}
Contact: <sip:caller@host1.example.net>
Content-Length: 0

""")

m("lwsstart", "403", f"""INVITE  sip:user@example.com  SIP/2.0
Max-Forwards: 8
To: sip:user@example.com
From: sip:caller@example.net;tag=8814
Call-ID: lwsstart.dfknq234oi243099adsdfnawe3@example.com-${N}
CSeq: 1893884 INVITE
{V}
Contact: <sip:caller@host1.example.net>
Content-Length: 0

""")

m("trws", "200", f"""OPTIONS sip:remote-target@example.com SIP/2.0  
{V}
To: <sip:remote-target@example.com>
From: <sip:local-resource@example.com>;tag=329429089
Call-ID: trws.oicu34958239neffasdhr2345r-${N}
Accept: application/sdp
CSeq: 238923 OPTIONS
Max-Forwards: 70
Content-Length: 0

""")

m("escruri", "403", f"""INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0
To: sip:user@example.com
From: sip:caller@example.net;tag=341518
Max-Forwards: 7
Contact: <sip:caller@host39923.example.net>
Call-ID: escruri.23940-asdfhj-aje3br-234q098w-fawerh2q-h4n5-${N}
CSeq: 3923239 INVITE
{V}
Content-Length: 0

""")

m("baddate", "403", f"""INVITE sip:user@example.com SIP/2.0
To: sip:user@example.com
From: sip:caller@example.net;tag=2234923
Max-Forwards: 70
Call-ID: baddate.239423mnsadf3j23lj42--sedfnm234-${N}
CSeq: 1392934 INVITE
{V}
Date: Fri, 01 Jan 2010 16:00:00 EST
Contact: <sip:caller@host5.example.net>
Content-Length: 0

""")

m("regbadct", "register", f"""REGISTER sip:example.com SIP/2.0
To: sip:user@example.com
From: sip:user@example.com;tag=998332
Max-Forwards: 70
Call-ID: regbadct.k345asrl3fdbv@10.0.0.1-${N}
CSeq: 1 REGISTER
{V}
Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E
l: 0

""")

m("badaspec", "200", f"""OPTIONS sip:user@example.org SIP/2.0
{V}
Max-Forwards: 70
From: "Bell, Alexander" <sip:a.g.bell@example.com>;tag=43
To: "Watson, Thomas" < sip:t.watson@example.org >
Call-ID: badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3-${N}
Accept: application/sdp
CSeq: 3923239 OPTIONS
l: 0

""")

m("baddn", "200", f"""OPTIONS sip:t.watson@example.org SIP/2.0
{V}
Max-Forwards: 70
From: Bell, Alexander <sip:a.g.bell@example.com>;tag=43
To: Watson, Thomas <sip:t.watson@example.org>
Call-ID: baddn.31415-${N}@c.example.com
Accept: application/sdp
CSeq: 3923239 OPTIONS
l: 0

""")

m("badvers", "505", f"""OPTIONS sip:t.watson@example.org SIP/7.0
{V}
Max-Forwards: 70
From: A. Bell <sip:a.g.bell@example.com>;tag=qweoiqpe
To: T. Watson <sip:t.watson@example.org>
Call-ID: badvers.31417-${N}@c.example.com
CSeq: 1 OPTIONS
l: 0

""")

m("mismatch01", "400-or-drop", f"""OPTIONS sip:user@example.com SIP/2.0
To: sip:j.user@example.com
From: sip:caller@example.net;tag=34525
Max-Forwards: 6
Call-ID: mismatch01.dj0234sxdfl3-${N}
CSeq: 8 INVITE
{V}
l: 0

""")

m("mismatch02", "400-or-drop", f"""NEWMETHOD sip:user@example.com SIP/2.0
To: sip:j.user@example.com
From: sip:caller@example.net;tag=34525
Max-Forwards: 6
Call-ID: mismatch02.dj0234sxdfl3-${N}
CSeq: 8 INVITE
Contact: <sip:caller@host.example.net>
{V}
Content-Type: application/sdp
l: 0

""")

m("bigcode", "none", f"""SIP/2.0 4294967301 better not break the receiver
{V}
Call-ID: bigcode.asdof3uj203asdnf3429uasdhfas3ehjasdfas9i-${N}
CSeq: 353494 INVITE
From: <sip:user@example.com>;tag=39ansfi3
To: <sip:user@example.edu>;tag=902jndnke3
Content-Length: 0
Contact: <sip:user@host105.example.com>

""")

# ---- transaction layer (3.2) ----
m("badbranch", "200 tcp:none", f"""OPTIONS sip:user@example.com SIP/2.0
To: sip:user@example.com
From: sip:caller@example.org;tag=33242
Max-Forwards: 3
Via: SIP/2.0/${{T}} ${{VIA}};branch=z9hG4bK
Call-ID: badbranch.sadonfo23i420jv0as0derf3j3n-${N}
CSeq: 8 OPTIONS
l: 0

""")

# ---- application layer semantics (3.3) ----
m("insuf", "400-or-drop", f"""INVITE sip:user@example.com SIP/2.0
CSeq: 193942 INVITE
{V}
Content-Type: application/sdp
l: 0

""")

m("unkscm", "200", f"""OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0
To: sip:user@example.com
From: sip:caller@example.net;tag=384
Max-Forwards: 3
Call-ID: unkscm.nasdfasser0q239nwsdfasdkl34-${N}
CSeq: 3923423 OPTIONS
{V}
Content-Length: 0

""")

m("novelsc", "200", f"""OPTIONS soap.beep://192.0.2.103:3002 SIP/2.0
To: sip:user@example.com
From: sip:caller@example.net;tag=384
Max-Forwards: 3
Call-ID: novelsc.asdfasser0q239nwsdfasdkl34-${N}
CSeq: 3923423 OPTIONS
{V}
Content-Length: 0

""")

m("unksm2", "register", f"""REGISTER sip:example.com SIP/2.0
To: isbn:2983792873
From: <http://www.example.com>;tag=3234233
Call-ID: unksm2.daksdj@hyphenated-host.example.com-${N}
CSeq: 234902 REGISTER
Max-Forwards: 70
{V}
Contact: <name:John_Smith>
l: 0

""")

m("bext01", "200", f"""OPTIONS sip:user@example.com SIP/2.0
To: sip:j_user@example.com
From: sip:caller@example.net;tag=242etr
Max-Forwards: 6
Call-ID: bext01.0ha0isndaksdj-${N}
Require: nothingSupportsThis, nothingSupportsThisEither
Proxy-Require: noProxiesSupportThis, norDoAnyProxiesSupportThis
CSeq: 8 OPTIONS
{V}
Content-Length: 0

""")

m("invut", "403", f"""INVITE sip:user@example.com SIP/2.0
Contact: <sip:caller@host5.example.net>
To: sip:j.user@example.com
From: sip:caller@example.net;tag=8392034
Max-Forwards: 70
Call-ID: invut.0ha0isndaksdjadsfij34n23d-${N}
CSeq: 235448 INVITE
{V}
Content-Type: application/unknownformat
Content-Length: ${{CL}}

<audio>
 <pcmu port="443"/>
</audio>
""")

m("regaut01", "register", f"""REGISTER sip:example.com SIP/2.0
To: sip:j.user@example.com
From: sip:j.user@example.com;tag=87321hj23128
Max-Forwards: 8
Call-ID: regaut01.0ha0isndaksdj-${N}
CSeq: 9338 REGISTER
{V}
Authorization: NoOneKnowsThisScheme opaque-data=here
Content-Length:0

""")

m("multi01", "400-or-drop", f"""INVITE sip:user@company.com SIP/2.0
Contact: <sip:caller@host25.example.net>
{V}
Max-Forwards: 70
CSeq: 5 INVITE
Call-ID: multi01.98asdh@192.0.2.1-${N}
CSeq: 59 INVITE
Call-ID: multi01.98asdh@192.0.2.2-${N}
From: sip:caller@example.com;tag=3413415
To: sip:user@example.com
To: sip:other@example.net
From: sip:caller@example.net;tag=2923420123
Content-Type: application/sdp
l: 0
Contact: <sip:caller@host36.example.net>
Max-Forwards: 5

""")

m("mcl01", "400-or-drop", f"""OPTIONS sip:user@example.com SIP/2.0
{V}
To: sip:user@example.com
From: sip:caller@example.net;tag=w4d
Max-Forwards: 70
Call-ID: mcl01.fhn2323orihawfdoa3o4r52o3irsdf-${N}
CSeq: 15932 OPTIONS
Content-Length: 13
Max-Forwards: 60
Content-Length: 5
Content-Type: text/plain

There's no way to know how many octets are supposed to be here.
""")

m("zeromf", "403", f"""INVITE sip:user@example.com SIP/2.0
To: sip:user@example.com
From: sip:caller@example.net;tag=3ghsd41
Call-ID: zeromf.jfasdlfnm2o2l43r5u0asdfas-${N}
CSeq: 39234321 INVITE
{V}
Max-Forwards: 0
Contact: <sip:caller@host5.example.net>
Content-Length: 0

""")

m("cparam01", "register", f"""REGISTER sip:example.com SIP/2.0
{V}
Max-Forwards: 70
From: sip:user@example.com;tag=8
To: sip:user@example.com
Call-ID: cparam01.0a2d84cf8ed-${N}
CSeq: 1 REGISTER
Contact: sip:user@192.0.2.100;audio
Content-Length: 0

""")

m("cparam02", "register", f"""REGISTER sip:example.com SIP/2.0
{V}
Max-Forwards: 70
From: sip:user@example.com;tag=8
To: sip:user@example.com
Call-ID: cparam02.0a2d84cf8ed-${N}
CSeq: 1 REGISTER
Contact: <sip:user@192.0.2.100;audio>
Content-Length: 0

""")

m("regescrt", "register", f"""REGISTER sip:example.com SIP/2.0
To: sip:user@example.com
From: sip:user@example.com;tag=8
Max-Forwards: 70
{V}
Call-ID: regescrt.k345asrl3fdbv@192.0.2.1-${N}
CSeq: 14398234 REGISTER
M: <sip:user@example.com?Route=%3Csip:sip.example.com%3E>
L:0

""")

m("sdp01", "403", f"""INVITE sip:user@example.com SIP/2.0
To: sip:j_user@example.com
Contact: <sip:caller@host15.example.net>
From: sip:caller@example.net;tag=234
Max-Forwards: 5
Call-ID: sdp01.ndaksdj9342dasdd-${N}
Accept: text/nobodyKnowsThis
CSeq: 8 INVITE
{V}
Content-Length: ${{CL}}
Content-Type: application/sdp

v=0
o=mhandley 29739 7272939 IN IP4 192.0.2.5
s=-
c=IN IP4 192.0.2.5
t=0 0
m=audio 49217 RTP/AVP 0
""")

m("inv2543", "403 tcp:none", f"""INVITE sip:UserB@example.com SIP/2.0
Via: SIP/2.0/${{T}} ${{VIA}}
From: <sip:UserA@example.com>;tag=2543-${N}
To: <sip:UserB@example.com>
Call-ID: inv2543.1717-${N}@example.com
CSeq: 1 INVITE
Content-Type: application/sdp
Content-Length: ${{CL}}

v=0
o=mhandley 29739 7272939 IN IP4 192.0.2.5
s=-
c=IN IP4 192.0.2.5
t=0 0
m=audio 49217 RTP/AVP 0
""")

m("ackstray", "none", f"""ACK sip:user@example.com SIP/2.0
To: sip:user@example.com;tag=1
From: sip:caller@example.net;tag=2
Max-Forwards: 70
Call-ID: ackstray.nobody-${N}
CSeq: 1 ACK
{V}
Content-Length: 0

""")

import sys, os
out = sys.argv[1]
index = []
for name, (expect, text) in msgs.items():
    with open(os.path.join(out, name + ".sip"), "wb") as f:
        f.write(text.encode("latin-1"))
    index.append(f"{name}={expect}")
with open(os.path.join(out, "expected.properties"), "w") as f:
    f.write("# The torture messages of RFC 4475 as this project wrote them from the RFC's descriptions (NAME.sip, bytes;\n"
            "# LF line ends are sent as CRLF; ${T} ${VIA} ${N} ${CL} filled in by Rfc4475IT) and the answer the gateway gives\n"
            "# every time: a status; register = any final answer but 400 (the registrar's); 400-or-drop = 400 with a plain\n"
            "# reason phrase or nothing; none = never answered; \"tcp:X\" after it: X over TCP (skip: not sent). The ADR\n"
            "# docs/adr/0012-hostile-sip-input.md explains each answer that differs from the RFC's suggestion.\n")
    f.write("\n".join(index) + "\n")
print(len(msgs))
