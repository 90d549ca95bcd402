# 2026-09-03 09:14:52 by RouterOS 7.15.3
# software id = 3NQW-X8KD
#
# model = RB4011iGS+5HacQ2HnD
# serial number = HEB08K2V7TQ
/interface bridge
add comment="LAN noi bo UBND xa Phu Thinh" frame-types=admit-only-vlan-tagged \
    name=bridge-lan vlan-filtering=yes
/interface ethernet
set [ find default-name=ether1 ] comment="WAN - VNPT FTTH, IP tinh"
set [ find default-name=ether2 ] comment="Can bo - tang 1"
set [ find default-name=ether3 ] comment="Can bo - tang 2"
set [ find default-name=ether4 ] comment="Can bo - phong Chu tich"
set [ find default-name=ether5 ] comment="May chu - NAS van ban"
set [ find default-name=ether6 ] comment="May chu - lay so thu tu"
set [ find default-name=ether7 ] comment="Bo phan mot cua - switch quay"
set [ find default-name=ether8 ] comment="AP hoi truong (trunk 40, quan tri 99)"
set [ find default-name=ether9 ] comment="May quan tri mang"
set [ find default-name=ether10 ] comment="KHONG SU DUNG" disabled=yes
set [ find default-name=sfp-sfpplus1 ] disabled=yes
/interface vlan
add comment="Vung can bo" interface=bridge-lan name=vlan10-canbo vlan-id=10
add comment="Vung may chu" interface=bridge-lan name=vlan20-maychu vlan-id=20
add comment="Bo phan mot cua" interface=bridge-lan name=vlan30-motcua \
    vlan-id=30
add comment="Wifi khach (nguoi dan)" interface=bridge-lan name=vlan40-khach \
    vlan-id=40
add comment="Quan tri thiet bi" interface=bridge-lan name=vlan99-quantri \
    vlan-id=99
/interface list
add comment="Ket noi Internet" name=WAN
add comment="Vung noi bo (can bo, may chu, mot cua)" name=LAN
add comment="Wifi khach" name=GUEST
add comment="Vung quan tri" name=MGMT
/interface wireless security-profiles
set [ find default=yes ] supplicant-identity=MikroTik
add authentication-types=wpa2-psk mode=dynamic-keys name=canbo \
    supplicant-identity="" wpa2-pre-shared-key="PhuThinh@CanBo#2026"
add authentication-types=wpa2-psk mode=dynamic-keys name=khach \
    supplicant-identity="" wpa2-pre-shared-key=phuthinh2026
/interface wireless
set [ find default-name=wlan1 ] band=5ghz-a/n/ac channel-width=20/40/80mhz-XXXX \
    country=vietnam disabled=no distance=indoors frequency=auto installation=\
    indoor mode=ap-bridge security-profile=canbo ssid=UBND-PhuThinh-CanBo \
    vlan-id=10 vlan-mode=use-tag wireless-protocol=802.11 wps-mode=disabled
set [ find default-name=wlan2 ] band=2ghz-b/g/n channel-width=20/40mhz-XX \
    country=vietnam default-forwarding=no disabled=no distance=indoors \
    frequency=auto installation=indoor mode=ap-bridge security-profile=khach \
    ssid=UBND-PhuThinh-Khach vlan-id=40 vlan-mode=use-tag wireless-protocol=\
    802.11 wps-mode=disabled
/ip pool
add name=pool-canbo ranges=10.10.10.100-10.10.10.250
add name=pool-motcua ranges=10.10.30.100-10.10.30.200
add name=pool-khach ranges=10.10.40.20-10.10.40.250
/ip dhcp-server
add address-pool=pool-canbo interface=vlan10-canbo lease-time=1d name=\
    dhcp-canbo
add address-pool=pool-motcua interface=vlan30-motcua lease-time=1d name=\
    dhcp-motcua
add address-pool=pool-khach interface=vlan40-khach lease-time=2h name=\
    dhcp-khach
/interface bridge port
add bridge=bridge-lan comment="Can bo" frame-types=\
    admit-only-untagged-and-priority-tagged interface=ether2 pvid=10
add bridge=bridge-lan comment="Can bo" frame-types=\
    admit-only-untagged-and-priority-tagged interface=ether3 pvid=10
add bridge=bridge-lan comment="Can bo" frame-types=\
    admit-only-untagged-and-priority-tagged interface=ether4 pvid=10
add bridge=bridge-lan comment="May chu" frame-types=\
    admit-only-untagged-and-priority-tagged interface=ether5 pvid=20
add bridge=bridge-lan comment="May chu" frame-types=\
    admit-only-untagged-and-priority-tagged interface=ether6 pvid=20
add bridge=bridge-lan comment="Mot cua" frame-types=\
    admit-only-untagged-and-priority-tagged interface=ether7 pvid=30
add bridge=bridge-lan comment="AP hoi truong" interface=ether8 pvid=99
add bridge=bridge-lan comment="Quan tri" frame-types=\
    admit-only-untagged-and-priority-tagged interface=ether9 pvid=99
add bridge=bridge-lan comment="Wifi can bo" interface=wlan1
add bridge=bridge-lan comment="Wifi khach" interface=wlan2
/ip neighbor discovery-settings
set discover-interface-list=MGMT
/ip settings
set rp-filter=strict tcp-syncookies=yes
/interface bridge vlan
add bridge=bridge-lan tagged=bridge-lan,wlan1 untagged=ether2,ether3,ether4 \
    vlan-ids=10
add bridge=bridge-lan tagged=bridge-lan untagged=ether5,ether6 vlan-ids=20
add bridge=bridge-lan tagged=bridge-lan untagged=ether7 vlan-ids=30
add bridge=bridge-lan tagged=bridge-lan,ether8,wlan2 vlan-ids=40
add bridge=bridge-lan tagged=bridge-lan untagged=ether8,ether9 vlan-ids=99
/interface list member
add interface=ether1 list=WAN
add interface=vlan10-canbo list=LAN
add interface=vlan20-maychu list=LAN
add interface=vlan30-motcua list=LAN
add interface=vlan40-khach list=GUEST
add interface=vlan99-quantri list=MGMT
/ip address
add address=203.0.113.10/30 comment="WAN VNPT" interface=ether1 network=\
    203.0.113.8
add address=10.10.10.1/24 interface=vlan10-canbo network=10.10.10.0
add address=10.10.20.1/24 interface=vlan20-maychu network=10.10.20.0
add address=10.10.30.1/24 interface=vlan30-motcua network=10.10.30.0
add address=10.10.40.1/24 interface=vlan40-khach network=10.10.40.0
add address=10.10.99.1/24 interface=vlan99-quantri network=10.10.99.0
/ip dhcp-server network
add address=10.10.10.0/24 dns-server=10.10.10.1 gateway=10.10.10.1
add address=10.10.30.0/24 dns-server=10.10.30.1 gateway=10.10.30.1
add address=10.10.40.0/24 dns-server=10.10.40.1 gateway=10.10.40.1
/ip dns
set allow-remote-requests=yes servers=203.113.131.1,203.113.188.1
/ip firewall address-list
add address=10.0.0.0/8 list=NOI-BO
add address=172.16.0.0/12 list=NOI-BO
add address=192.168.0.0/16 list=NOI-BO
add address=203.0.113.10 comment="Dia chi WAN cua router" list=NOI-BO
/ip firewall filter
add action=accept chain=input comment="Ket noi da thiet lap" \
    connection-state=established,related,untracked
add action=drop chain=input comment="Goi tin khong hop le" connection-state=\
    invalid
add action=accept chain=input comment="Quan tri: chi tu vung quan tri" \
    in-interface-list=MGMT src-address=10.10.99.0/24
add action=accept chain=input comment="DHCP cho cac vung" dst-port=67 \
    in-interface-list=!WAN protocol=udp
add action=accept chain=input comment="DNS cho cac vung" dst-port=53 \
    in-interface-list=!WAN protocol=udp
add action=drop chain=input comment="Chan moi truy cap khac toi router"
add action=fasttrack-connection chain=forward comment=FastTrack \
    connection-state=established,related hw-offload=yes
add action=accept chain=forward comment="Ket noi da thiet lap" \
    connection-state=established,related,untracked
add action=drop chain=forward comment="Goi tin khong hop le" \
    connection-state=invalid
add action=drop chain=forward comment="Tu Internet: chi luong da DNAT" \
    connection-nat-state=!dstnat connection-state=new in-interface-list=WAN
add action=jump chain=forward comment="Wifi khach: xu ly rieng" \
    in-interface-list=GUEST jump-target=khach
add action=accept chain=forward comment="Can bo -> may chu (web, chia se tep)" \
    dst-address=10.10.20.0/24 dst-port=80,443,445 in-interface=vlan10-canbo \
    protocol=tcp
add action=accept chain=forward comment="Mot cua -> may chu lay so thu tu" \
    dst-address=10.10.20.20 dst-port=80,443 in-interface=vlan30-motcua \
    protocol=tcp
add action=accept chain=forward comment="Quan tri -> cac vung noi bo" \
    in-interface=vlan99-quantri out-interface-list=LAN src-address=\
    10.10.99.0/24
add action=accept chain=forward comment="Can bo ra Internet" in-interface=\
    vlan10-canbo out-interface-list=WAN
add action=accept chain=forward comment="May chu: cap nhat phan mem" \
    dst-port=80,443 in-interface=vlan20-maychu out-interface-list=WAN \
    protocol=tcp
add action=accept chain=forward comment="Mot cua: cong dich vu cong" \
    dst-port=80,443 in-interface=vlan30-motcua out-interface-list=WAN \
    protocol=tcp
add action=drop chain=forward comment="Chan moi luong khac"
add action=drop chain=khach comment="Khach: chan dia chi noi bo" \
    dst-address-list=NOI-BO
add action=accept chain=khach comment="Khach: chi ra Internet" \
    out-interface-list=WAN
add action=return chain=khach comment="Con lai: ve chain forward (chan)"
/ip firewall nat
add action=masquerade chain=srcnat comment="NAT ra Internet" \
    out-interface-list=WAN
/ip route
add comment="VNPT Internet" disabled=no distance=1 dst-address=0.0.0.0/0 \
    gateway=203.0.113.9 routing-table=main suppress-hw-offload=no
/ip service
set telnet disabled=yes
set ftp disabled=yes
set www disabled=yes
set ssh address=10.10.99.0/24
set api disabled=yes
set winbox address=10.10.99.0/24
set api-ssl disabled=yes
/snmp community
set [ find default=yes ] addresses=10.10.99.10/32 name=pt-giamsat-7Kq2
/snmp
set contact="To CNTT UBND xa Phu Thinh" enabled=yes location=\
    "Phong may, tang 1" trap-version=2
/system clock
set time-zone-name=Asia/Ho_Chi_Minh
/system identity
set name=UBNDPT-RT
/system logging action
add name=syslog remote=10.10.20.30 target=remote
/system logging
add action=syslog topics=info
add action=syslog topics=critical
/system note
set show-at-login=no
/system ntp client
set enabled=yes
/system ntp client servers
add address=pool.ntp.org
/tool bandwidth-server
set enabled=no
/tool mac-server
set allowed-interface-list=MGMT
/tool mac-server mac-winbox
set allowed-interface-list=MGMT
