# 2026-09-04 14:02:37 by RouterOS 7.16.2
# software id = W7RM-QT4E
#
# model = C53UiG+5HPaxD2HPaxD
# serial number = HGA09XK3P2D
/interface bridge add comment="LAN UBND phuong Binh Minh" name=bridge vlan-filtering=yes
/interface ethernet set [ find default-name=ether1 ] comment="WAN - FPT, IP tinh"
/interface ethernet set [ find default-name=ether2 ] comment="Can bo - switch tang 1"
/interface ethernet set [ find default-name=ether3 ] comment="Can bo - switch tang 2"
/interface ethernet set [ find default-name=ether4 ] comment="Dau ghi camera (NVR)"
/interface ethernet set [ find default-name=ether5 ] comment="May quan tri"
/interface wifi datapath add bridge=bridge comment="Wifi can bo" name=dp-canbo vlan-id=10
/interface wifi datapath add bridge=bridge client-isolation=yes comment="Wifi khach" name=dp-khach vlan-id=40
/interface wifi security add authentication-types=wpa2-psk,wpa3-psk name=sec-canbo passphrase="BinhMinh@2026!CB"
/interface wifi configuration add country=Vietnam datapath=dp-canbo mode=ap name=cfg-canbo security=sec-canbo ssid=UBND-BinhMinh
/interface wifi configuration add country=Vietnam datapath=dp-khach mode=ap name=cfg-khach ssid="BinhMinh WiFi Free"
/interface wifi set [ find default-name=wifi1 ] channel.band=5ghz-ax .width=20/40/80mhz configuration=cfg-canbo disabled=no
/interface wifi set [ find default-name=wifi2 ] channel.band=2ghz-ax .width=20/40mhz configuration=cfg-khach disabled=no
/interface wifi add configuration=cfg-canbo disabled=no mac-address=4A:A5:6F:12:C0:7B master-interface=wifi2 name=wifi3
/interface vlan add interface=bridge name=vlan10-canbo vlan-id=10
/interface vlan add interface=bridge name=vlan20-camera vlan-id=20
/interface vlan add interface=bridge name=vlan40-khach vlan-id=40
/interface vlan add interface=bridge name=vlan99-quantri vlan-id=99
/interface list add comment=defconf name=WAN
/interface list add comment=defconf name=LAN
/interface list add name=GUEST
/ip pool add name=pool-canbo ranges=10.10.10.100-10.10.10.250
/ip pool add name=pool-khach ranges=10.10.40.20-10.10.40.250
/ip dhcp-server add address-pool=pool-canbo interface=vlan10-canbo lease-time=1d name=dhcp-canbo
/ip dhcp-server add address-pool=pool-khach interface=vlan40-khach lease-time=2h name=dhcp-khach
/interface bridge port add bridge=bridge frame-types=admit-only-untagged-and-priority-tagged interface=ether2 pvid=10
/interface bridge port add bridge=bridge frame-types=admit-only-untagged-and-priority-tagged interface=ether3 pvid=10
/interface bridge port add bridge=bridge frame-types=admit-only-untagged-and-priority-tagged interface=ether4 pvid=20
/interface bridge port add bridge=bridge frame-types=admit-only-untagged-and-priority-tagged interface=ether5 pvid=99
/ip neighbor discovery-settings set discover-interface-list=LAN
/interface bridge vlan add bridge=bridge tagged=bridge vlan-ids=10
/interface bridge vlan add bridge=bridge tagged=bridge vlan-ids=20
/interface bridge vlan add bridge=bridge tagged=bridge vlan-ids=40
/interface bridge vlan add bridge=bridge tagged=bridge vlan-ids=99
/interface list member add comment=defconf interface=ether1 list=WAN
/interface list member add interface=vlan10-canbo list=LAN
/interface list member add interface=vlan20-camera list=LAN
/interface list member add interface=vlan99-quantri list=LAN
/interface list member add comment="cho khach dung DNS cua router" interface=vlan40-khach list=LAN
/interface list member add interface=vlan40-khach list=GUEST
/ip address add address=203.0.113.30/30 comment="WAN FPT" interface=ether1 network=203.0.113.28
/ip address add address=10.10.10.1/24 interface=vlan10-canbo network=10.10.10.0
/ip address add address=10.10.20.1/24 interface=vlan20-camera network=10.10.20.0
/ip address add address=10.10.40.1/24 interface=vlan40-khach network=10.10.40.0
/ip address add address=10.10.99.1/24 interface=vlan99-quantri network=10.10.99.0
/ip dhcp-server network add address=10.10.10.0/24 dns-server=10.10.10.1 gateway=10.10.10.1
/ip dhcp-server network add address=10.10.40.0/24 dns-server=10.10.40.1 gateway=10.10.40.1
/ip dns set allow-remote-requests=yes servers=210.245.24.20,210.245.24.22
/ip firewall filter add action=accept chain=input comment="defconf: accept established,related,untracked" connection-state=established,related,untracked
/ip firewall filter add action=drop chain=input comment="defconf: drop invalid" connection-state=invalid
/ip firewall filter add action=accept chain=input comment="defconf: accept ICMP" protocol=icmp
/ip firewall filter add action=accept chain=input comment="defconf: accept to local loopback (for CAPsMAN)" dst-address=127.0.0.1
/ip firewall filter add action=drop chain=input comment="defconf: drop all not coming from LAN" in-interface-list=!LAN
/ip firewall filter add action=accept chain=forward comment="defconf: accept in ipsec policy" ipsec-policy=in,ipsec
/ip firewall filter add action=accept chain=forward comment="defconf: accept out ipsec policy" ipsec-policy=out,ipsec
/ip firewall filter add action=fasttrack-connection chain=forward comment="defconf: fasttrack" connection-state=established,related hw-offload=yes
/ip firewall filter add action=accept chain=forward comment="defconf: accept established,related, untracked" connection-state=established,related,untracked
/ip firewall filter add action=drop chain=forward comment="defconf: drop invalid" connection-state=invalid
/ip firewall filter add action=drop chain=forward comment="defconf: drop all from WAN not DSTNATed" connection-nat-state=!dstnat connection-state=new in-interface-list=WAN
/ip firewall filter add action=accept chain=forward comment="Tam thoi: nguoi dan in tai lieu qua may in can bo" dst-address=10.10.10.0/24 in-interface=vlan40-khach
/ip firewall filter add action=accept chain=forward comment="Khach ra Internet" in-interface-list=GUEST out-interface-list=WAN
/ip firewall filter add action=drop chain=forward comment="Khach: chan con lai" in-interface-list=GUEST
/ip firewall filter add action=drop chain=forward comment="Chan vao vung quan tri" in-interface=!vlan99-quantri out-interface=vlan99-quantri
/ip firewall filter add action=drop chain=forward comment="Chan vao wifi khach" out-interface-list=GUEST
/ip firewall nat add action=masquerade chain=srcnat comment="defconf: masquerade" ipsec-policy=out,none out-interface-list=WAN
/ip firewall nat add action=dst-nat chain=dstnat comment="Xem camera tu xa" dst-port=8000 in-interface-list=WAN protocol=tcp to-addresses=10.10.20.50 to-ports=80
/ip route add comment="FPT Internet" disabled=no dst-address=0.0.0.0/0 gateway=203.0.113.29 routing-table=main suppress-hw-offload=no
/ip service set telnet disabled=yes
/ip service set ssh port=22
/snmp set enabled=yes contact="UBND phuong Binh Minh" location="Phong may"
/system clock set time-zone-name=Asia/Ho_Chi_Minh
/system identity set name=UBNDBM-RT
/system note set show-at-login=no
/system ntp client set enabled=yes
/system ntp client servers add address=pool.ntp.org
/tool mac-server set allowed-interface-list=LAN
/tool mac-server mac-winbox set allowed-interface-list=LAN
